import { describe, expect, it } from 'vitest'
import { filtersFromQuery, rankingListQuery, serviceQuery } from './filters'

describe('the ranking’s numbers as task lists', () => {
  it('opens the tasks each number counts, and the task list reads them back', () => {
    const supervised = filtersFromQuery(rankingListQuery('judicial-bureau', 'supervised'))
    expect(supervised.department).toBe('judicial-bureau')
    expect(supervised.state).toEqual(['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'])
    expect(rankingListQuery('judicial-bureau', 'closed')).toEqual({ department: 'judicial-bureau', leadOnly: 'true',
      state: ['CLOSED'] })
    const overdue = filtersFromQuery(rankingListQuery('market-regulation', 'overdue'))
    expect(overdue).toMatchObject({ department: 'market-regulation', leadOnly: true, light: ['RED'] })
    expect(new URLSearchParams(serviceQuery(overdue)).get('light')).toBe('RED')
  })

  it('counts a department as the ranking does: the tasks it leads, not those it supports', () => {
    for (const figure of ['supervised', 'closed', 'overdue'] as const) {
      const f = filtersFromQuery(rankingListQuery('judicial-bureau', figure))
      expect(f).toMatchObject({ department: 'judicial-bureau', leadOnly: true })
      const p = new URLSearchParams(serviceQuery(f))
      expect([p.get('department'), p.get('leadOnly')]).toEqual(['judicial-bureau', 'true'])
    }
  })
})

import { describe, expect, it } from 'vitest'
import { filtersFromQuery, rankingListQuery, serviceQuery } from './filters'

describe('the ranking’s numbers as task lists', () => {
  it('opens the tasks each number counts, and the task list reads them back', () => {
    const supervised = filtersFromQuery(rankingListQuery('judicial-bureau', 'supervised'))
    expect(supervised.department).toBe('judicial-bureau')
    expect(supervised.state).toEqual(['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'])
    expect(rankingListQuery('judicial-bureau', 'closed')).toEqual({ department: 'judicial-bureau', state: ['CLOSED'] })
    const overdue = filtersFromQuery(rankingListQuery('market-regulation', 'overdue'))
    expect(overdue).toMatchObject({ department: 'market-regulation', light: ['RED'] })
    expect(new URLSearchParams(serviceQuery(overdue)).get('light')).toBe('RED')
  })
})

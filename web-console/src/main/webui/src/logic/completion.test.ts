import { describe, expect, it } from 'vitest'
import { completionSeries, completionTitle, monthLabel, monthListQuery, type CompletionMonth, type CompletionPage } from './completion'
import { filtersFromQuery, serviceQuery } from './filters'

function month(n: number, due: number, dueClosed: number, closed: number | null, cumulativeDue: number,
  cumulativeClosed: number | null): CompletionMonth {
  const from = `2026-${String(n).padStart(2, '0')}-01`
  const before = n === 12 ? '2027-01-01' : `2026-${String(n + 1).padStart(2, '0')}-01`
  return { month: n, from, before, due, dueClosed, closed, closedOnTime: closed, cumulativeDue, cumulativeClosed }
}

// as the service answers on 2026-03-06: closings only for the months begun
const page: CompletionPage = {
  district: 'licheng', department: null, name: null, year: 2026, asOf: '2026-03-06',
  months: [
    month(2, 0, 0, 1, 2, 2), month(1, 2, 1, 1, 2, 1), month(3, 3, 0, 0, 5, 2),
    ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => month(n, n === 12 ? 4 : 0, 0, null, n === 12 ? 9 : 5, null)),
  ],
}

describe('completion chart', () => {
  it('builds the series in month order, the closed line stopping at today', () => {
    const s = completionSeries(page)
    expect(s.labels.slice(0, 3)).toEqual(['1月', '2月', '3月'])
    expect(s.labels).toHaveLength(12)
    expect(s.due.slice(0, 3)).toEqual([2, 0, 3])
    expect(s.dueClosed.slice(0, 3)).toEqual([1, 0, 0])
    expect(s.cumulativeDue[11]).toBe(9)
    expect(s.cumulativeClosed.slice(0, 4)).toEqual([1, 2, 2, null])
  })

  it('says what it counts and as of when', () => {
    expect(completionTitle(page)).toBe('全区2026年各月应办结与已销号（截至2026年3月6日）')
    expect(completionTitle({ ...page, department: 'judicial-bureau', name: '区司法局' }))
      .toBe('区司法局2026年各月应办结与已销号（截至2026年3月6日）')
    expect(completionTitle({ ...page, department: 'judicial-bureau', name: null })).toContain('judicial-bureau2026年')
    expect(monthLabel(11)).toBe('11月')
  })

  it('opens the tasks due in the month, or those of them closed, in the task list and at task-service', () => {
    const march = page.months.find((x) => x.month === 3)!
    const due = monthListQuery(march, 'due')
    expect(due).toEqual({ deadlineFrom: '2026-03-01', deadlineBefore: '2026-04-01',
      state: ['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'] })
    const closed = monthListQuery(march, 'dueClosed', 'judicial-bureau')
    expect(closed).toEqual({ deadlineFrom: '2026-03-01', deadlineBefore: '2026-04-01', state: ['CLOSED'],
      department: 'judicial-bureau', leadOnly: 'true' })
    // the list page reads the same filters back and asks task-service for exactly that range
    const f = filtersFromQuery(closed)
    expect(serviceQuery(f, false)).toBe('department=judicial-bureau&leadOnly=true&state=CLOSED'
      + '&deadlineBefore=2026-04-01&deadlineFrom=2026-03-01&sort=deadline')
    const december = monthListQuery(page.months.find((x) => x.month === 12)!, 'due')
    expect(december.deadlineBefore).toBe('2027-01-01')
  })

  it('opens the tasks closed in the month by the day of closing, or those of them closed on time', () => {
    const march = page.months.find((x) => x.month === 3)!
    expect(monthListQuery(march, 'closed')).toEqual({ closedFrom: '2026-03-01', closedBefore: '2026-04-01' })
    expect(monthListQuery(march, 'closedOnTime')).toEqual({ closedFrom: '2026-03-01', closedBefore: '2026-04-01',
      closedOnTime: 'true' })
    // a department's curve counts the tasks it leads
    const own = monthListQuery(march, 'closedOnTime', 'judicial-bureau')
    expect(own).toEqual({ department: 'judicial-bureau', leadOnly: 'true', closedFrom: '2026-03-01',
      closedBefore: '2026-04-01', closedOnTime: 'true' })
    expect(serviceQuery(filtersFromQuery(own), false)).toBe('department=judicial-bureau&leadOnly=true'
      + '&closedFrom=2026-03-01&closedBefore=2026-04-01&closedOnTime=true&sort=deadline')
    // no deadline range and no states: a task closed in March may have been due in any month
    expect(monthListQuery(march, 'closed', 'judicial-bureau')).not.toHaveProperty('deadlineFrom')
    expect(monthListQuery(march, 'closed')).not.toHaveProperty('state')
  })
})

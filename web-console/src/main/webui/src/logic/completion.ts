// 全年完成情况 on the dashboard: notification-service's month counts (GET /api/rollups/months) turned into the
// chart's series, its title, and the task list behind each month's number.
import { fill } from './imports'
import { formatDate } from './format'
import { leadQuery } from './filters'
import { messages as m } from './messages'

export interface CompletionMonth {
  month: number
  /** the month's first day and the next month's: the task list's deadlineFrom and deadlineBefore */
  from: string
  before: string
  /** tasks whose deadline falls in the month (no drafts, no cancelled ones), and of them those closed now */
  due: number
  dueClosed: number
  /** tasks closed (销号) in the month, and of them those closed by their deadline; null before the month begins */
  closed: number | null
  closedOnTime: number | null
  cumulativeDue: number
  cumulativeClosed: number | null
}

export interface CompletionPage {
  district: string
  /** the lead department counted; null: the whole district */
  department: string | null
  name: string | null
  year: number
  asOf: string
  months: CompletionMonth[]
}

/** The states the service counts as due: every task but drafts and cancelled ones. */
export const DUE_STATES = ['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'] as const

/** what a month's number counts: due in it, of those closed now, closed in it, of those closed on time */
export type MonthKind = 'due' | 'dueClosed' | 'closed' | 'closedOnTime'

export interface CompletionSeries {
  labels: string[]
  due: number[]
  dueClosed: number[]
  cumulativeDue: number[]
  /** null where the month has not begun: the line stops at today instead of falling to zero */
  cumulativeClosed: (number | null)[]
}

export function completionSeries(page: CompletionPage): CompletionSeries {
  const months = [...page.months].sort((a, b) => a.month - b.month)
  return {
    labels: months.map((x) => monthLabel(x.month)),
    due: months.map((x) => x.due),
    dueClosed: months.map((x) => x.dueClosed),
    cumulativeDue: months.map((x) => x.cumulativeDue),
    cumulativeClosed: months.map((x) => x.cumulativeClosed),
  }
}

export function monthLabel(month: number): string {
  return fill(m.completion.month, { n: month })
}

/** 全区2026年各月应办结与已销号（截至2026年12月6日）, or the department's name for its own curve. */
export function completionTitle(page: CompletionPage): string {
  const scope = page.department ? (page.name ?? page.department) : m.completion.district
  return fill(m.completion.title, { scope, year: page.year, asOf: formatDate(page.asOf) })
}

/**
 * The task list behind a month's number, counted as the service counts it: the tasks due in that month (the states
 * it counts), or of them the closed ones; the tasks closed (销号) in the month by the day of closing (closedFrom,
 * closedBefore), or of them those closed on time (closedOnTime). A department's curve counts the tasks it leads
 * (leadOnly), not those it supports.
 */
export function monthListQuery(month: CompletionMonth, kind: MonthKind, department?: string | null):
  Record<string, string | string[]> {
  const q: Record<string, string | string[]> = kind === 'due' || kind === 'dueClosed'
    ? { deadlineFrom: month.from, deadlineBefore: month.before,
        state: kind === 'dueClosed' ? ['CLOSED'] : [...DUE_STATES] }
    : { closedFrom: month.from, closedBefore: month.before }
  if (kind === 'closedOnTime') q.closedOnTime = 'true'
  return department ? { ...leadQuery(department), ...q } : q
}

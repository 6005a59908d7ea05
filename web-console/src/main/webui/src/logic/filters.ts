// The task list's filters, paging and sort live in the URL (so a reload, a link or the back button keep them), and
// the same filters go to task-service's list and ledger export.
export interface TaskFilters {
  department?: string
  state: string[]
  /** 红黄绿灯 today (any of them); task-service applies the rule in its query, so paging and totals stay right */
  light: string[]
  /** what waits for the office's decision: EXTENSION (延期申请) or REVISION (报告修订), task-service's `pending` */
  pending?: string
  overdue?: boolean
  keySupervision?: boolean
  planYear?: number
  deadlineBefore?: string
  /** the deadline range's first day (inclusive); deadlineBefore is its end (exclusive) */
  deadlineFrom?: string
  /** the work plan's issuer (发文机关), exactly as the report names it */
  issuer?: string
  q?: string
  sort: string
  page: number
  size: number
}

export const DEFAULT_SORT = 'deadline'
export const DEFAULT_SIZE = 20
const SORT = /^-?(deadline|createdAt|title|percent|state|updatedAt)$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
/** The lights a task can have, in the order the filter offers them (drafts and finished tasks have none). */
export const LIGHTS = ['RED', 'YELLOW', 'GREEN'] as const
/** The values of `pending` task-service knows; it refuses others with a 400, so the URL's are checked first. */
export const PENDING = ['EXTENSION', 'REVISION'] as const

/** The list's sort as el-table shows it on its column header (default-sort), so that a reload keeps the mark. */
export function tableSort(sort: string): { prop: string; order: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { prop: sort.slice(1), order: 'descending' } : { prop: sort, order: 'ascending' }
}

type Query = Record<string, string | null | (string | null)[] | undefined>

function first(v: Query[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return s === null || s === undefined || s === '' ? undefined : s
}

function all(v: Query[string]): string[] {
  if (v === undefined || v === null) return []
  return (Array.isArray(v) ? v : [v]).filter((s): s is string => !!s)
}

function positive(v: string | undefined, fallback: number): number {
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** Filters from the page's URL query; anything malformed falls back to its default instead of failing. */
export function filtersFromQuery(query: Query): TaskFilters {
  const sort = first(query.sort)
  const year = Number(first(query.planYear))
  const before = first(query.deadlineBefore)
  const from = first(query.deadlineFrom)
  const pending = first(query.pending)
  return {
    department: first(query.department),
    state: all(query.state),
    light: [...new Set(all(query.light))].filter((l) => (LIGHTS as readonly string[]).includes(l)),
    pending: pending && (PENDING as readonly string[]).includes(pending) ? pending : undefined,
    overdue: first(query.overdue) === 'true' ? true : undefined,
    keySupervision: first(query.keySupervision) === 'true' ? true : undefined,
    planYear: Number.isInteger(year) && year > 1900 ? year : undefined,
    deadlineBefore: before && DATE.test(before) ? before : undefined,
    deadlineFrom: from && DATE.test(from) ? from : undefined,
    issuer: first(query.issuer),
    q: first(query.q),
    sort: sort && SORT.test(sort) ? sort : DEFAULT_SORT,
    page: positive(first(query.page), 1),
    size: Math.min(positive(first(query.size), DEFAULT_SIZE), 200),
  }
}

/** The URL query of these filters: only what differs from the defaults, so a plain list has a plain URL. */
export function queryFromFilters(f: TaskFilters): Record<string, string | string[]> {
  const q: Record<string, string | string[]> = {}
  if (f.department) q.department = f.department
  if (f.state.length) q.state = [...f.state]
  if (f.light.length) q.light = [...f.light]
  if (f.pending) q.pending = f.pending
  if (f.overdue) q.overdue = 'true'
  if (f.keySupervision) q.keySupervision = 'true'
  if (f.planYear) q.planYear = String(f.planYear)
  if (f.deadlineBefore) q.deadlineBefore = f.deadlineBefore
  if (f.deadlineFrom) q.deadlineFrom = f.deadlineFrom
  if (f.issuer) q.issuer = f.issuer
  if (f.q) q.q = f.q
  if (f.sort !== DEFAULT_SORT) q.sort = f.sort
  if (f.page !== 1) q.page = String(f.page)
  if (f.size !== DEFAULT_SIZE) q.size = String(f.size)
  return q
}

/** task-service's query string for these filters (its pages count from 0); the ledger export takes it unpaged. */
export function serviceQuery(f: TaskFilters, paged = true): string {
  const p = new URLSearchParams()
  if (f.department) p.set('department', f.department)
  f.state.forEach((s) => p.append('state', s))
  f.light.forEach((l) => p.append('light', l))
  if (f.pending) p.set('pending', f.pending)
  if (f.overdue) p.set('overdue', 'true')
  if (f.keySupervision) p.set('keySupervision', 'true')
  if (f.planYear) p.set('planYear', String(f.planYear))
  if (f.deadlineBefore) p.set('deadlineBefore', f.deadlineBefore)
  if (f.deadlineFrom) p.set('deadlineFrom', f.deadlineFrom)
  if (f.issuer) p.set('issuer', f.issuer)
  if (f.q) p.set('q', f.q)
  p.set('sort', f.sort)
  if (paged) {
    p.set('page', String(f.page - 1))
    p.set('size', String(f.size))
  }
  return p.toString()
}

/**
 * The task list behind a light on the dashboard: the tasks of that light, of one department when the number is a
 * department's (a department user's list holds only its own tasks anyway).
 */
export function lightListQuery(light: string, department?: string | null): Record<string, string> {
  return department ? { department, light } : { light }
}

/** The states notification-service counts as supervised (在督): dispatched and not cancelled. */
export const SUPERVISED_STATES = ['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'] as const

export type RankingFigure = 'supervised' | 'closed' | 'overdue'

/**
 * The task list behind a number of 通报排名, filtered as notification-service counts it: supervised = the
 * department's tasks in SUPERVISED_STATES, the rates = its closed tasks (the numerator of the completion rate, the
 * base of the on-time rate), overdue = its red tasks (the rollup counts 超期 as today's red light, as the light cards do).
 */
export function rankingListQuery(department: string, figure: RankingFigure): Record<string, string | string[]> {
  switch (figure) {
    case 'supervised':
      return { department, state: [...SUPERVISED_STATES] }
    case 'closed':
      return { department, state: ['CLOSED'] }
    case 'overdue':
      return lightListQuery('RED', department)
  }
}

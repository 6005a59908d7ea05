// The task list's filters, paging and sort live in the URL (so a reload, a link or the back button keep them), and
// the same filters go to task-service's list and ledger export.
import { fill } from './imports'
import { formatDate } from './format'
import { messages as m } from './messages'

export interface TaskFilters {
  department?: string
  /** only the tasks `department` leads (牵头), not those it supports: how the rollups count a department */
  leadOnly?: boolean
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
  /** the closing day range (销号日期), first day inclusive, end exclusive; only closed tasks */
  closedFrom?: string
  closedBefore?: string
  /** closed on or before the deadline (按期销号); task-service also takes false (closed late) */
  closedOnTime?: boolean
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
  const closedFrom = first(query.closedFrom)
  const closedBefore = first(query.closedBefore)
  const department = first(query.department)
  const pending = first(query.pending)
  return {
    department,
    // task-service refuses leadOnly without a department, so a URL with one alone keeps the department's absence
    leadOnly: department && first(query.leadOnly) === 'true' ? true : undefined,
    state: all(query.state),
    light: [...new Set(all(query.light))].filter((l) => (LIGHTS as readonly string[]).includes(l)),
    pending: pending && (PENDING as readonly string[]).includes(pending) ? pending : undefined,
    overdue: first(query.overdue) === 'true' ? true : undefined,
    keySupervision: first(query.keySupervision) === 'true' ? true : undefined,
    planYear: Number.isInteger(year) && year > 1900 ? year : undefined,
    deadlineBefore: before && DATE.test(before) ? before : undefined,
    deadlineFrom: from && DATE.test(from) ? from : undefined,
    issuer: first(query.issuer),
    closedFrom: closedFrom && DATE.test(closedFrom) ? closedFrom : undefined,
    closedBefore: closedBefore && DATE.test(closedBefore) ? closedBefore : undefined,
    closedOnTime: first(query.closedOnTime) === 'true' ? true : undefined,
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
  if (f.department && f.leadOnly) q.leadOnly = 'true'
  if (f.state.length) q.state = [...f.state]
  if (f.light.length) q.light = [...f.light]
  if (f.pending) q.pending = f.pending
  if (f.overdue) q.overdue = 'true'
  if (f.keySupervision) q.keySupervision = 'true'
  if (f.planYear) q.planYear = String(f.planYear)
  if (f.deadlineBefore) q.deadlineBefore = f.deadlineBefore
  if (f.deadlineFrom) q.deadlineFrom = f.deadlineFrom
  if (f.issuer) q.issuer = f.issuer
  if (f.closedFrom) q.closedFrom = f.closedFrom
  if (f.closedBefore) q.closedBefore = f.closedBefore
  if (f.closedOnTime) q.closedOnTime = 'true'
  if (f.q) q.q = f.q
  if (f.sort !== DEFAULT_SORT) q.sort = f.sort
  if (f.page !== 1) q.page = String(f.page)
  if (f.size !== DEFAULT_SIZE) q.size = String(f.size)
  return q
}

/**
 * task-service's query string for these filters: the URL's own parameters, with the sort always given and the page
 * counted from 0; the ledger export takes it unpaged.
 */
export function serviceQuery(f: TaskFilters, paged = true): string {
  const { sort: _sort, page: _page, size: _size, ...filters } = queryFromFilters(f)
  const p = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    for (const v of Array.isArray(value) ? value : [value]) p.append(key, v)
  }
  p.set('sort', f.sort)
  if (paged) {
    p.set('page', String(f.page - 1))
    p.set('size', String(f.size))
  }
  return p.toString()
}

/** A filter the list shows as a removable tag (the dashboard's links set them; the form has no field for them). */
export interface FilterTag {
  /** also its data-test, filter-<key> */
  key: 'lead-only' | 'closed' | 'closed-on-time'
  text: string
  /** the filters without it */
  without: Partial<TaskFilters>
}

/** The day before an ISO date: the last day of a range whose end is exclusive, as a clerk reads it. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** 仅牵头单位, 销号日期 2026年4月1日至2026年4月30日 (the end shown inclusive), 按期销号: each removable on its own. */
export function filterTags(f: TaskFilters): FilterTag[] {
  const tags: FilterTag[] = []
  if (f.department && f.leadOnly) tags.push({ key: 'lead-only', text: m.taskFilters.leadOnly, without: { leadOnly: undefined } })
  if (f.closedFrom || f.closedBefore) {
    const from = f.closedFrom ? formatDate(f.closedFrom) : ''
    const to = f.closedBefore ? formatDate(dayBefore(f.closedBefore)) : ''
    const text = from && to ? m.taskFilters.closedRange : from ? m.taskFilters.closedSince : m.taskFilters.closedUntil
    tags.push({ key: 'closed', text: fill(text, { from, to }), without: { closedFrom: undefined, closedBefore: undefined } })
  }
  if (f.closedOnTime) tags.push({ key: 'closed-on-time', text: m.taskFilters.closedOnTime, without: { closedOnTime: undefined } })
  return tags
}

/** One department's tasks as notification-service counts them (rollups, 通报排名, its completion curve): those it leads. */
export function leadQuery(department: string): Record<string, string> {
  return { department, leadOnly: 'true' }
}

/**
 * The task list behind a light on the dashboard: the tasks of that light, of one department when the number is a
 * department's. notification-service counts a department's lights over the tasks it leads (牵头) only, so the list
 * does too (leadOnly); without it task-service would add those the department supports.
 */
export function lightListQuery(light: string, department?: string | null): Record<string, string> {
  return department ? { ...leadQuery(department), light } : { light }
}

/** The states notification-service counts as supervised (在督): dispatched and not cancelled. */
export const SUPERVISED_STATES = ['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED'] as const

export type RankingFigure = 'supervised' | 'closed' | 'overdue'

/**
 * The task list behind a number of 通报排名, filtered as notification-service counts it (a department's tasks are
 * those it leads, leadOnly): supervised = the department's tasks in SUPERVISED_STATES, the rates = its closed tasks
 * (the numerator of the completion rate, the base of the on-time rate), overdue = its red tasks (the rollup counts
 * 超期 as today's red light, as the light cards do).
 */
export function rankingListQuery(department: string, figure: RankingFigure): Record<string, string | string[]> {
  switch (figure) {
    case 'supervised':
      return { ...leadQuery(department), state: [...SUPERVISED_STATES] }
    case 'closed':
      return { ...leadQuery(department), state: ['CLOSED'] }
    case 'overdue':
      return lightListQuery('RED', department)
  }
}

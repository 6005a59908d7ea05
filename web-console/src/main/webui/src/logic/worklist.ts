import { messages } from './messages'
import { fill } from './imports'

// The landing pages: 待办 (the office's worklist) and 我的任务 (a department's own tasks). Plain logic, tested in
// worklist.test.ts; the pages only fetch and render.

/** Where a role lands on `/`: the office on 待办, a department on 我的任务, leaders and auditors on 总览. */
export function landingPath(roles: string[]): string {
  if (roles.includes('office')) return '/worklist'
  if (roles.includes('department')) return '/my'
  return '/'
}

/** The smallest part of the task view the landing pages read. */
export interface LandingTask {
  id: string
  title: string
  state: string
  reportId: string | null
  leadDepartment: string | null
  coDepartments: string[]
  deadline: string | null
  percent: number
  light: string | null
  lightReason: string | null
  /** working days to the deadline by the district's calendar, negative once overdue (task-service counts them) */
  workingDaysLeft?: number | null
  keySupervision: boolean
  version: number
  allowedActions: string[]
}

export type GroupKey = 'reports' | 'drafts' | 'submitted' | 'extensions' | 'revisions' | 'overdue'

/** One group of the office's 待办: where its rows come from, and where the whole list is (when a page shows it). */
export interface WorklistGroup {
  key: GroupKey
  /** a console relay path answering `{items, total}` */
  source: string
  all: string | null
}

export const SHORT = 5

/**
 * The groups in the order the clerk works through them: reports to review, then drafts, decisions, chasing. The newest
 * come first, as the clerk reads a worklist; overdue tasks the longest overdue first.
 */
export const WORKLIST_GROUPS: WorklistGroup[] = [
  { key: 'reports', source: '/api/report/reports?status=DRAFT', all: '/reports?status=DRAFT' },
  { key: 'drafts', source: `/api/task/tasks?state=DRAFT&sort=-createdAt&size=${SHORT}`, all: '/dispatch' },
  { key: 'submitted', source: `/api/task/tasks?state=SUBMITTED&sort=-updatedAt&size=${SHORT}`, all: '/tasks?state=SUBMITTED' },
  // decisions show up to 20 rows, since revisions are decided only here; 查看全部 opens the task list's 待决定 filter
  { key: 'extensions', source: '/api/task/tasks?pending=EXTENSION&sort=-updatedAt&size=20', all: '/tasks?pending=EXTENSION' },
  { key: 'revisions', source: '/api/task/tasks?pending=REVISION&sort=-updatedAt&size=20', all: '/tasks?pending=REVISION' },
  { key: 'overdue', source: `/api/task/tasks?overdue=true&sort=deadline&size=${SHORT}`, all: '/tasks?overdue=true' },
]

/** The one next step of a row of the office's 待办: a link to the page where it is done. */
export function officeAction(group: GroupKey, row: { id: string; reportId?: string | null }): { label: string; to: string } {
  const words = messages.worklist.act
  switch (group) {
    case 'reports':
      return { label: words.reports, to: `/reports/${row.id}` }
    case 'drafts':
      return { label: words.drafts, to: row.reportId ? `/dispatch?reportId=${row.reportId}` : '/dispatch' }
    default:
      return { label: words[group], to: `/tasks/${row.id}` }
  }
}

/** A report revision waiting for the office, as task-service's pending-revisions list gives it. */
export interface PendingChange {
  id: string
  kind: string
  status: string
  before: { title?: string; text?: string } | null
  after: { title?: string; text?: string } | null
}

/** What the revision would change, in a few words: the item removed, the new title, or the new text. */
export function revisionChange(r: PendingChange): string {
  const w = messages.worklist
  if (r.kind === 'REMOVAL' || !r.after) return w.removal
  if (r.after.title !== undefined && r.after.title !== r.before?.title) return fill(w.changed, { title: r.after.title })
  if (r.after.text !== undefined && r.after.text !== r.before?.text) return fill(w.textChanged, { text: r.after.text })
  return w.placeChanged
}

/** The states in which a task is still a department's work (not a draft, not finished). */
export const OPEN_STATES = ['DISPATCHED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED']

/** A department's open tasks split into those it leads and those it supports (co-department), each by deadline. */
export function splitMine<T extends LandingTask>(tasks: T[], department: string): { lead: T[]; support: T[] } {
  const byDeadline = [...tasks].sort(compareDeadline)
  return {
    lead: byDeadline.filter((t) => t.leadDepartment === department),
    support: byDeadline.filter((t) => t.leadDepartment !== department && t.coDepartments.includes(department)),
  }
}

function compareDeadline(a: LandingTask, b: LandingTask): number {
  // tasks without a deadline last
  return (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') || a.id.localeCompare(b.id)
}

/** The window of 近期到期, in working days (two weeks of them). */
export const DUE_SOON_WORKING_DAYS = 10

/**
 * Open tasks due within `workingDays` working days (task-service's `workingDaysLeft`) or already past their deadline,
 * soonest first; a submission waits for the office, not the department, so it is left out.
 */
export function dueSoon<T extends LandingTask>(tasks: T[], workingDays = DUE_SOON_WORKING_DAYS): T[] {
  return tasks
    .filter((t) => t.deadline && t.state !== 'SUBMITTED' && OPEN_STATES.includes(t.state)
      && t.workingDaysLeft !== null && t.workingDaysLeft !== undefined && t.workingDaysLeft <= workingDays)
    .sort(compareDeadline)
}

/** Today's date in the district (YYYY-MM-DD): deadlines are the district's calendar days. */
export function districtToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}

export interface HistoryEntry {
  id: number
  at: string
  actor: string
  action: string
  detail: { reason?: string } | null
}

/** Why the office returned the task: the latest 退办 in its history, or null if there is none. */
export function returnReason(history: HistoryEntry[]): { reason: string; at: string; actor: string } | null {
  const returns = history.filter((h) => h.action === 'RETURN')
  const last = returns[returns.length - 1]
  if (!last) return null
  return { reason: last.detail?.reason ?? '', at: last.at, actor: last.actor }
}

/** The department's obvious next step on a task, from the task view's allowedActions, or null if none is its. */
export function departmentStep(task: LandingTask): string | null {
  const allowed = task.allowedActions ?? []
  // reporting progress comes before submitting, unless the work is reported done
  const done = task.state === 'IN_PROGRESS' && task.percent >= 100
  const order = done ? ['ACKNOWLEDGE', 'SUBMIT', 'REPORT_PROGRESS'] : ['ACKNOWLEDGE', 'REPORT_PROGRESS', 'SUBMIT']
  const step = order.find((a) => allowed.includes(a))
  return step ? messages.actions[step] : null
}

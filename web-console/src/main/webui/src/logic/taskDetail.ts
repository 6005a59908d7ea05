import { messages } from './messages'
import type { RectProblem } from './office'

// The task page's 待确认的修订 and 整改的问题: task-service's pending revisions of a task shaped into old → new lines,
// who may decide them, and the problems (整改事项) the task addresses with this task's link. Plain logic, tested in
// taskDetail.test.ts; TaskRevisions.vue and TaskProblems.vue only fetch and render.

/** What task-service keeps of the task and of the revised report item: title, text, theme, span. */
export interface RevisionSide {
  title?: string | null
  text?: string | null
  theme?: string | null
  span?: { start: number; end: number } | null
}

/** One entry of `GET /api/tasks/{id}/pending-revisions`. */
export interface PendingRevision {
  id: string
  taskId: string
  /** the report's correction this comes from: 1 for the first correction after publishing, then 2, 3 … */
  revision: number
  kind: 'CHANGE' | 'REMOVAL' | string
  before: RevisionSide | null
  /** null for a removal */
  after: RevisionSide | null
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED' | string
  createdAt: string
  decidedBy: string | null
  decidedAt: string | null
}

export type RevisionField = 'title' | 'theme' | 'text' | 'span'

/** One changed field, old → new ('' when a side has none); a moved span has no words of its own, only a note. */
export interface RevisionLine {
  field: RevisionField
  label: string
  before: string
  after: string
}

const TEXT_FIELDS = ['title', 'theme', 'text'] as const

function words(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

function sameSpan(a: RevisionSide['span'], b: RevisionSide['span']): boolean {
  return (a?.start ?? null) === (b?.start ?? null) && (a?.end ?? null) === (b?.end ?? null)
}

/**
 * What the revision changes, field by field in the task page's order (title, theme, text, then the place in the
 * report). A removal changes no field: the item is gone, and accepting it cancels the task (`isRemoval`).
 */
export function revisionLines(r: PendingRevision): RevisionLine[] {
  if (isRemoval(r)) return []
  const before: RevisionSide = r.before ?? {}
  const after: RevisionSide = r.after ?? {}
  const labels = messages.revisions.fields
  const lines: RevisionLine[] = TEXT_FIELDS
    .map((f) => ({ field: f, label: labels[f], before: words(before[f]), after: words(after[f]) }))
    .filter((l) => l.before !== l.after)
  if (!sameSpan(before.span, after.span)) {
    lines.push({ field: 'span', label: labels.span, before: '', after: messages.revisions.spanMoved })
  }
  return lines
}

export function isRemoval(r: PendingRevision): boolean {
  return r.kind === 'REMOVAL' || !r.after
}

/** Pending first (there is at most one), then the decided ones newest first. */
export function sortRevisions(list: PendingRevision[]): PendingRevision[] {
  return [...list].sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING')
    || b.createdAt.localeCompare(a.createdAt) || b.revision - a.revision)
}

/**
 * Which decisions the caller may take on a revision, as task-service decides them: accepting a change is the
 * lifecycle's UPDATE_DEFINITION and accepting a removal its CANCEL, so each is offered only when the task view's
 * allowedActions lists it (not while a submission is reviewed, never to a leader); rejecting is the office's in any
 * state. Only a pending revision can be decided.
 */
export function revisionDecisions(r: PendingRevision, allowedActions: string[] | undefined, office: boolean):
  { accept: boolean; reject: boolean } {
  if (r.status !== 'PENDING') return { accept: false, reject: false }
  const needed = isRemoval(r) ? 'CANCEL' : 'UPDATE_DEFINITION'
  return { accept: office && (allowedActions ?? []).includes(needed), reject: office }
}

// ---- 整改的问题 ----

/** A rectification item (整改事项) as `GET /api/problems?taskId=` gives it. */
export type RectifiedProblem = RectProblem & { reportId: string }

/** A problem as the task page shows it: its words, this task's link (confirmed or suggested) and its 整改 page. */
export interface ProblemRow {
  id: string
  text: string
  reportId: string
  /** 新增 / 推进中 / 已销号 / 再次出现 */
  statusWords: string
  link: 'CONFIRMED' | 'SUGGESTED'
  linkWords: string
  /** why the system suggested it (the words the problem and the task share); null once confirmed */
  reason: string | null
  rectificationPage: string
}

/**
 * The problems this task addresses, confirmed ones first. A problem whose link to this task is rejected (or absent)
 * is left out: task-service's `taskId` filter already does so, and the page stays right on its own.
 */
export function problemRows(problems: RectifiedProblem[], taskId: string): ProblemRow[] {
  const words = messages.rectification
  return problems.flatMap((p): ProblemRow[] => {
    const link = p.links.find((l) => l.taskId === taskId)
    if (!link || link.status === 'REJECTED') return []
    const confirmed = link.status === 'CONFIRMED'
    return [{
      id: p.id, text: p.text || p.title, reportId: p.reportId, statusWords: words.status[p.status] ?? p.status,
      link: link.status, linkWords: confirmed ? words.confirmed : words.suggested, reason: confirmed ? null : link.reason,
      rectificationPage: `/rectification?report=${encodeURIComponent(p.reportId)}`,
    }]
  }).sort((a, b) => Number(b.link === 'CONFIRMED') - Number(a.link === 'CONFIRMED'))
}

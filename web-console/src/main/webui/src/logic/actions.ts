// The task actions the detail page offers: exactly those task-service lists in the task view's allowedActions, each
// with the form it needs and the request it makes.
export type Field = 'reason' | 'newDeadline' | 'leadDepartment' | 'deadline' | 'percent' | 'note' | 'title' | 'dueDate'
  | 'milestone'

export interface ActionSpec {
  /** the fields its dialog asks for; none = a confirmation only */
  fields: Field[]
  /** the request, from the task id and what the dialog collected */
  request: (id: string, form: Record<string, unknown>) => { method: string; path: string; body?: unknown }
}

const post = (action: string, body?: (f: Record<string, unknown>) => unknown): ActionSpec['request'] =>
  (id, f) => ({ method: 'POST', path: `/api/task/tasks/${id}/${action}`, body: body ? body(f) : undefined })

export const ACTIONS: Record<string, ActionSpec> = {
  DISPATCH: {
    fields: ['leadDepartment', 'deadline'],
    request: post('dispatch', (f) => ({ leadDepartment: f.leadDepartment, coDepartments: f.coDepartments ?? [], deadline: f.deadline })),
  },
  ACKNOWLEDGE: { fields: [], request: post('acknowledge') },
  REPORT_PROGRESS: {
    fields: ['percent', 'note'],
    request: post('progress', (f) => ({
      percent: f.percent, note: f.note,
      evidence: f.fileId ? [{ kind: 'file', fileId: f.fileId }] : [],
    })),
  },
  REQUEST_EXTENSION: {
    fields: ['newDeadline', 'reason'],
    request: post('extension-requests', (f) => ({ newDeadline: f.newDeadline, reason: f.reason })),
  },
  SUBMIT: { fields: [], request: post('submit') },
  CLOSE: { fields: [], request: post('close') },
  RETURN: { fields: ['reason'], request: post('return', (f) => ({ reason: f.reason })) },
  CANCEL: { fields: ['reason'], request: post('cancel', (f) => ({ reason: f.reason })) },
  FLAG_KEY_SUPERVISION: {
    fields: [],
    request: (id) => ({ method: 'PUT', path: `/api/task/tasks/${id}/key-supervision`, body: { flagged: true } }),
  },
  UPDATE_DEFINITION: {
    fields: ['title', 'deadline', 'reason'],
    request: (id, f) => ({ method: 'PATCH', path: `/api/task/tasks/${id}`, body: definitionChange(f) }),
  },
  REASSIGN: {
    fields: ['leadDepartment', 'reason'],
    request: post('reassign', (f) => ({ leadDepartment: f.leadDepartment, reason: f.reason })),
  },
  PLAN_MILESTONES: {
    fields: ['title', 'dueDate'],
    request: post('milestones', (f) => ({ title: f.title, dueDate: f.dueDate })),
  },
  COMPLETE_MILESTONE: {
    fields: ['milestone', 'note'],
    request: (id, f) => ({
      method: 'POST', path: `/api/task/tasks/${id}/milestones/${encodeURIComponent(String(f.milestone ?? ''))}/complete`,
      body: { note: f.note || null },
    }),
  },
  UNFLAG_KEY_SUPERVISION: {
    fields: [],
    request: (id) => ({ method: 'PUT', path: `/api/task/tasks/${id}/key-supervision`, body: { flagged: false } }),
  },
}

/** The buttons for a task: its allowed actions this page can perform, in the service's order. */
export function buttons(allowed: string[] | null | undefined): string[] {
  return (allowed ?? []).filter((a) => a in ACTIONS)
}

/**
 * The PATCH body of a definition change: only what the clerk changed (the dialog starts from the task's title and
 * deadline, kept in `original*`), so an unchanged deadline does not demand a reason.
 */
export function definitionChange(f: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (f.title !== f.originalTitle) body.title = f.title
  if (f.deadline !== f.originalDeadline) body.deadline = f.deadline
  if (f.reason) body.reason = f.reason
  return body
}

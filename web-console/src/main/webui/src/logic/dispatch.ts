// 待交办: what task-service suggested for a draft, and the dispatch the clerk sends (accepted or changed).
export interface Reason { rule: string; words: string | null; text: string }
export interface DraftTask {
  id: string; title: string; text: string; reportId: string | null; planItemId: string | null; theme: string | null
  version: number; leadDepartment: string | null; coDepartments: string[]; deadline: string | null
  suggestion: {
    leadDepartment: string | null; coDepartments: string[]; deadline: string | null
    reasons: { leadDepartment: Reason | null; coDepartments: Record<string, Reason | null>; deadline: Reason | null } | null
  } | null
}
export interface Choice { leadDepartment: string; coDepartments: string[]; deadline: string }

/** The clerk's starting choice: the suggestion, else what the draft already holds, else empty. */
export function initialChoice(t: DraftTask): Choice {
  const s = t.suggestion
  return {
    leadDepartment: s?.leadDepartment ?? t.leadDepartment ?? '',
    coDepartments: [...(s?.coDepartments?.length ? s.coDepartments : t.coDepartments ?? [])],
    deadline: s?.deadline ?? t.deadline ?? '',
  }
}

/** A dispatch needs a lead and a deadline; a co-department that also leads is dropped. */
export function dispatchBody(c: Choice): Choice | null {
  if (!c.leadDepartment || !c.deadline) return null
  return { leadDepartment: c.leadDepartment, coDepartments: c.coDepartments.filter((d) => d && d !== c.leadDepartment), deadline: c.deadline }
}

/** Whether the clerk changed the suggestion (the row then says 已修改 and the button dispatches the change). */
export function changed(t: DraftTask, c: Choice): boolean {
  const s = initialChoice(t)
  return s.leadDepartment !== c.leadDepartment || s.deadline !== c.deadline
    || [...s.coDepartments].sort().join() !== [...c.coDepartments].sort().join()
}

/** The report page address of a task's source sentence. */
export function sourceLink(t: Pick<DraftTask, 'reportId' | 'planItemId'>): string | null {
  if (!t.reportId) return null
  return t.planItemId ? `/reports/${t.reportId}?item=${encodeURIComponent(t.planItemId)}` : `/reports/${t.reportId}`
}

// 导入台账: the shape of task-service's preview (/api/task/imports) and the pure helpers the page uses.
export interface Candidate { departmentId: string; name: string; score: number }
export interface DepartmentRef {
  written: string
  departmentId: string | null
  name: string | null
  match: 'EXACT' | 'FUZZY' | 'UNSURE' | 'UNKNOWN'
  candidates: Candidate[]
}
export interface CellIssue { column: string; columnName: string; severity: 'ERROR' | 'WARNING'; code: string; message: string }
export interface Change { field: string; inSystem: string | null; inFile: string | null }
export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'CONFLICT' | 'SKIP' | 'ERROR'
export interface PreviewRow {
  key: string
  sheet: string
  row: number
  theme: string | null
  title: string
  lead: DepartmentRef | null
  coDepartments: DepartmentRef[]
  deadlineText: string
  deadline: string | null
  longTerm: boolean
  stateText: string
  state: string | null
  stateName: string | null
  percent: number | null
  closedOn: string | null
  skipped: boolean
  action: RowAction
  taskId: string | null
  changes: Change[]
  issues: CellIssue[]
}
export interface Summary { rows: number; create: number; update: number; unchanged: number; conflict: number; skip: number; errors: number }
export interface Preview {
  id: string
  fileName: string
  planYear: number
  committedAt: string | null
  summary: Summary
  rows: PreviewRow[]
}

/** A department name the office should map: not resolved, or resolved only by likeness (check it). */
export interface NameToMap { written: string; match: DepartmentRef['match']; current: string | null; candidates: Candidate[] }

/** Every department name of the preview that is not an exact match, once, in the order first met. */
export function namesToMap(rows: PreviewRow[]): NameToMap[] {
  const seen = new Map<string, NameToMap>()
  for (const r of rows) {
    for (const d of [r.lead, ...r.coDepartments]) {
      if (d && d.match !== 'EXACT' && !seen.has(d.written)) {
        seen.set(d.written, { written: d.written, match: d.match, current: d.departmentId, candidates: d.candidates })
      }
    }
  }
  return [...seen.values()]
}

/** The state words the service could not read, once each. */
export function statesToMap(rows: PreviewRow[]): string[] {
  const words = new Set<string>()
  for (const r of rows) {
    if (r.issues.some((i) => i.code === 'state-unknown')) words.add(r.stateText)
  }
  return [...words]
}

/** The rows whose differences the system keeps (progress reported since the last import). */
export function conflicts(rows: PreviewRow[]): PreviewRow[] {
  return rows.filter((r) => r.action === 'CONFLICT')
}

/** The PATCH body for the choices made: only names and states that were given a value. */
export function correctionsBody(names: Record<string, string>, states: Record<string, string>) {
  const pick = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([, v]) => !!v))
  return { departments: pick(names), states: pick(states) }
}

/** A message with {name} placeholders filled from values. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all))
}

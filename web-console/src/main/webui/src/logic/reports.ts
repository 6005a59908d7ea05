import { messages } from './messages'
import type { Problem } from './api'

// The report page's logic: the extracted structure as one tree, which item a place in the source belongs to, the
// source cut around a highlighted span (rendered as text, never as HTML), and warnings and refusals in words.
export interface Span {
  start: number
  end: number
}
export interface Metric { id: string; label: string; value: string; unit: string; span: Span | null }
export interface ReportItem {
  id: string; title: string; text: string; span: Span | null
  items?: ReportItem[]; children?: ReportItem[]; metrics?: Metric[]
}
export interface Warning { code: string; message: string; line: number; span: Span | null }
export interface ReportDetail {
  id: string; status: 'DRAFT' | 'PUBLISHED'; version: number; revision: number; title: string | null
  titleSpan: Span | null; issuer: string | null; docNumber: string | null; signatory: string | null
  recipients: string[]; copiedTo: string[]; reportYear: number | null; planYear: number | null
  issuedOn: string | null; contact: { name: string | null; phone: string | null } | null
  warnings: Warning[]; achievements: ReportItem[]; problems: ReportItem[]; plan: ReportItem[]
  createdAt: string; publishedAt: string | null
}

export type Part = 'achievements' | 'problems' | 'plan'
export const PARTS: Part[] = ['achievements', 'problems', 'plan']

/** A node of the tree beside the source: a part, an item or a figure. */
export interface TreeNode {
  key: string
  label: string
  /** the item's whole text (what the editor corrects) */
  text: string
  part: Part
  kind: 'part' | 'item' | 'metric'
  /** the item's id for corrections; null for a part and a figure */
  itemId: string | null
  parentId: string | null
  span: Span | null
  children: TreeNode[]
}

function itemNode(item: ReportItem, part: Part, parentId: string | null): TreeNode {
  const sub = item.items ?? item.children ?? []
  const children = sub.map((c) => itemNode(c, part, item.id))
  for (const metric of item.metrics ?? []) {
    children.push({
      key: metric.id, label: `${metric.label}${metric.value}${metric.unit}`, text: '', part, kind: 'metric', itemId: null,
      parentId: item.id, span: metric.span, children: [],
    })
  }
  return { key: item.id, label: item.title || item.text, text: item.text, part, kind: 'item', itemId: item.id, parentId, span: item.span, children }
}

/** The structure as a tree: 工作成效 (with figures), 存在问题, 工作计划. */
export function reportTree(r: Pick<ReportDetail, Part>): TreeNode[] {
  return PARTS.map((part) => ({
    key: part, label: messages.reports.parts[part], text: '', part, kind: 'part' as const, itemId: null, parentId: null,
    span: null, children: (r[part] ?? []).map((i) => itemNode(i, part, null)),
  }))
}

export function findNode(tree: TreeNode[], key: string): TreeNode | null {
  for (const node of tree) {
    if (node.key === key) return node
    const inner = findNode(node.children, key)
    if (inner) return inner
  }
  return null
}

/**
 * The node whose span holds the selection [start, end): the innermost one (a figure inside an item inside a theme),
 * so selecting a few words of an item selects that item, not its theme.
 */
export function nodeAt(tree: TreeNode[], start: number, end = start): TreeNode | null {
  let best: TreeNode | null = null
  const visit = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      const s = n.span
      if (s && s.start <= start && end <= Math.max(s.end, s.start + 1)) {
        if (!best || !best.span || s.end - s.start <= best.span.end - best.span.start) best = n
      }
      visit(n.children)
    }
  }
  visit(tree)
  return best
}

/** The source cut into the text before, inside and after a span; a span outside the text highlights nothing. */
export function segments(text: string, span: Span | null): { before: string; marked: string; after: string } {
  if (!span || span.start < 0 || span.end > text.length || span.start >= span.end) {
    return { before: text, marked: '', after: '' }
  }
  return { before: text.slice(0, span.start), marked: text.slice(span.start, span.end), after: text.slice(span.end) }
}

/** A warning in Chinese by its code; an unknown code shows the service's own sentence. */
export function warningWords(w: Pick<Warning, 'code' | 'message'>): string {
  return messages.reports.warnings[w.code] ?? w.message ?? w.code
}

/** What a refused upload means for the clerk: too large, not a report file, not a report, or the service's words. */
export function uploadRefusal(problem: Problem): string {
  const words = messages.reports.refusals[problem.status]
  const detail = problem.detail && problem.detail !== problem.title ? problem.detail : ''
  if (words) return detail ? `${words}（${detail}）` : words
  return detail || problem.title
}

export interface ReportFilters {
  year?: number
  issuer?: string
  status?: 'DRAFT' | 'PUBLISHED'
}
type Query = Record<string, string | null | (string | null)[] | undefined>
function first(v: Query[string]): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return s === null || s === undefined || s === '' ? undefined : s
}

/** The report list's filters from the URL; malformed values are dropped. */
export function reportFiltersFromQuery(query: Query): ReportFilters {
  const year = Number(first(query.year))
  const status = first(query.status)
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    issuer: first(query.issuer),
    status: status === 'DRAFT' || status === 'PUBLISHED' ? status : undefined,
  }
}

/** The URL query and report-service's query are the same three names. */
export function reportQuery(f: ReportFilters): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.year) q.year = String(f.year)
  if (f.issuer) q.issuer = f.issuer
  if (f.status) q.status = f.status
  return q
}

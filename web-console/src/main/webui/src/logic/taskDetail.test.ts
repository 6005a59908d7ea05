import { describe, expect, it } from 'vitest'
import {
  isRemoval, problemRows, revisionDecisions, revisionLines, sortRevisions, type PendingRevision, type RectifiedProblem,
} from './taskDetail'

// a revision as task-service's GET /api/tasks/{id}/pending-revisions answers it
const revision = (over: Partial<PendingRevision> = {}): PendingRevision => ({
  id: 'r1', taskId: 't1', revision: 1, kind: 'CHANGE', status: 'PENDING', createdAt: '2026-03-02T01:00:00Z',
  decidedBy: null, decidedAt: null,
  before: { title: '深化执法监督', text: '一是深化执法监督。', theme: '（一）规范执法', span: { start: 10, end: 19 } },
  after: { title: '深化执法监督', text: '修订后的第一项工作。', theme: '（一）规范执法', span: { start: 10, end: 20 } },
  ...over,
})

describe('a pending revision shown as old → new', () => {
  it('lists the changed fields in the page order, with a moved span as a note', () => {
    const lines = revisionLines(revision())
    expect(lines.map((l) => l.field)).toEqual(['text', 'span'])
    expect(lines[0]).toEqual({ field: 'text', label: '任务内容', before: '一是深化执法监督。', after: '修订后的第一项工作。' })
    expect(lines[1]).toMatchObject({ label: '在报告中的位置', after: '在报告原文中的位置有变' })
  })
  it('shows a title and a theme change, and a field one side lacks as empty', () => {
    const r = revision({ after: { title: '强化执法监督', text: '一是深化执法监督。', theme: null, span: { start: 10, end: 19 } } })
    expect(revisionLines(r)).toEqual([
      { field: 'title', label: '标题', before: '深化执法监督', after: '强化执法监督' },
      { field: 'theme', label: '所属板块', before: '（一）规范执法', after: '' },
    ])
  })
  it('has no lines for a removal, which cancels the task when accepted', () => {
    const removal = revision({ kind: 'REMOVAL', after: null })
    expect(isRemoval(removal)).toBe(true)
    expect(revisionLines(removal)).toEqual([])
    expect(isRemoval(revision())).toBe(false)
  })
  it('puts the pending one first, then the decided ones newest first', () => {
    const list = [
      revision({ id: 'old', status: 'SUPERSEDED', createdAt: '2026-03-01T01:00:00Z' }),
      revision({ id: 'rejected', status: 'REJECTED', createdAt: '2026-03-03T01:00:00Z' }),
      revision({ id: 'pending', status: 'PENDING', createdAt: '2026-03-02T01:00:00Z' }),
    ]
    expect(sortRevisions(list).map((r) => r.id)).toEqual(['pending', 'rejected', 'old'])
  })
})

describe('who may decide a revision', () => {
  it('offers accepting a change only with UPDATE_DEFINITION, a removal only with CANCEL, rejecting to the office', () => {
    expect(revisionDecisions(revision(), ['UPDATE_DEFINITION', 'CANCEL'], true)).toEqual({ accept: true, reject: true })
    // under review (SUBMITTED) the definition cannot change: rejecting is still the office's
    expect(revisionDecisions(revision(), ['CLOSE', 'RETURN', 'CANCEL'], true)).toEqual({ accept: false, reject: true })
    const removal = revision({ kind: 'REMOVAL', after: null })
    expect(revisionDecisions(removal, ['CANCEL'], true)).toEqual({ accept: true, reject: true })
    expect(revisionDecisions(removal, ['UPDATE_DEFINITION'], true)).toEqual({ accept: false, reject: true })
  })
  it('offers nothing to other roles, nor on a decided revision', () => {
    expect(revisionDecisions(revision(), ['REPORT_PROGRESS'], false)).toEqual({ accept: false, reject: false })
    expect(revisionDecisions(revision(), [], false)).toEqual({ accept: false, reject: false })
    expect(revisionDecisions(revision({ status: 'REJECTED' }), ['UPDATE_DEFINITION'], true))
      .toEqual({ accept: false, reject: false })
  })
})

describe('the problems a task rectifies', () => {
  const link = (taskId: string, status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED', reason: string | null = null) =>
    ({ taskId, title: '', state: null, stateName: null, score: 0.4, words: null, reason, status })
  const problem = (id: string, links: ReturnType<typeof link>[], status = 'NEW'): RectifiedProblem => ({
    id, reportId: 'rep-1', problemId: id, title: `${id}的标题`, text: `${id}：普法形式缺乏创新`, status,
    covered: false, coverage: 'SUGGESTED', links,
  })

  it('shows this task’s link, confirmed first, with the 整改 page of the report', () => {
    const rows = problemRows([
      problem('p1', [link('t1', 'SUGGESTED', '问题与任务都提到：“普法”'), link('t2', 'CONFIRMED')]),
      problem('p2', [link('t1', 'CONFIRMED')], 'IN_PROGRESS'),
    ], 't1')
    expect(rows.map((r) => [r.id, r.link, r.linkWords, r.statusWords])).toEqual([
      ['p2', 'CONFIRMED', '已确认', '推进中'], ['p1', 'SUGGESTED', '建议', '新增']])
    expect(rows[1].reason).toBe('问题与任务都提到：“普法”')
    expect(rows[0].reason).toBeNull()
    expect(rows[0].text).toBe('p2：普法形式缺乏创新')
    expect(rows[0].rectificationPage).toBe('/rectification?report=rep-1')
  })
  it('leaves out a problem whose link to this task the office rejected, or that has none', () => {
    expect(problemRows([problem('p1', [link('t1', 'REJECTED')]), problem('p2', [link('t2', 'CONFIRMED')])], 't1'))
      .toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { findNode, nodeAt, reportFiltersFromQuery, reportQuery, reportTree, segments, uploadRefusal, warningWords } from './reports'
import { changed, dispatchBody, initialChoice, sourceLink, type DraftTask } from './dispatch'

const text = '一、工作成效\n（一）推进执法。全年办理案件326件。\n二、存在问题\n培训不够全面。\n三、2026年工作思路\n一是落实三项制度；二是全员培训。'
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length })
const report = {
  achievements: [{
    id: 'achievement-1', title: '推进执法', text: '（一）推进执法。全年办理案件326件。', span: at('（一）推进执法。全年办理案件326件。'),
    items: [], metrics: [{ id: 'achievement-1.m1', label: '全年办理案件', value: '326', unit: '件', span: at('326件') }],
  }],
  problems: [{ id: 'problem-1', title: '培训不够全面', text: '培训不够全面。', span: at('培训不够全面。') }],
  plan: [{
    id: 'plan-1', title: '2026年工作思路', text: '一是落实三项制度；二是全员培训。', span: at('一是落实三项制度；二是全员培训。'),
    children: [
      { id: 'plan-1.1', title: '落实三项制度', text: '一是落实三项制度；', span: at('一是落实三项制度；'), children: [] },
      { id: 'plan-1.2', title: '全员培训', text: '二是全员培训。', span: at('二是全员培训。'), children: [] },
    ],
  }],
}

describe('report tree', () => {
  const tree = reportTree(report)
  it('has the three parts in order, with items, sub-items and figures', () => {
    expect(tree.map((n) => n.label)).toEqual(['工作成效', '存在问题', '工作计划'])
    expect(tree[0].children[0].children[0]).toMatchObject({ kind: 'metric', label: '全年办理案件326件', parentId: 'achievement-1' })
    expect(tree[2].children[0].children.map((n) => n.itemId)).toEqual(['plan-1.1', 'plan-1.2'])
    expect(findNode(tree, 'plan-1.2')).toMatchObject({ part: 'plan', parentId: 'plan-1' })
    expect(findNode(tree, 'plan-9')).toBeNull()
  })
  it('maps a place in the source to the innermost item holding it', () => {
    expect(nodeAt(tree, text.indexOf('全员'))?.key).toBe('plan-1.2')
    expect(nodeAt(tree, text.indexOf('三项'), text.indexOf('三项') + 2)?.key).toBe('plan-1.1')
    expect(nodeAt(tree, text.indexOf('326'))?.key).toBe('achievement-1.m1')
    expect(nodeAt(tree, text.indexOf('推进'))?.key).toBe('achievement-1')
    // a selection across two items belongs to the theme holding both
    expect(nodeAt(tree, text.indexOf('三项'), text.indexOf('全员') + 2)?.key).toBe('plan-1')
    expect(nodeAt(tree, 0)).toBeNull()
  })
  it('cuts the source around a span and ignores a span outside the text', () => {
    const s = segments(text, at('培训不够全面。'))
    expect(s.marked).toBe('培训不够全面。')
    expect(s.before + s.marked + s.after).toBe(text)
    expect(segments(text, { start: 5, end: text.length + 3 })).toEqual({ before: text, marked: '', after: '' })
    expect(segments(text, null).marked).toBe('')
  })
  it('keeps markup in report text as text: segments never interpret it', () => {
    const hostile = '前<script>alert(1)</script><img src=x onerror=alert(2)>后'
    expect(segments(hostile, { start: 1, end: hostile.length - 1 }).marked).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>')
  })
})

describe('warnings and refusals in words', () => {
  it('says each warning code in Chinese, else the service sentence', () => {
    expect(warningWords({ code: 'NO_PROBLEMS_PART', message: 'x' })).toBe('没有找到存在问题部分')
    expect(warningWords({ code: 'PLAN_FOUND_BY_CONTENT', message: 'x' })).toContain('请核对')
    expect(warningWords({ code: 'SOMETHING_NEW', message: '新的提示' })).toBe('新的提示')
  })
  it('explains refused uploads by status, with the service detail', () => {
    expect(uploadRefusal({ status: 413, title: 'Payload Too Large', fields: {} })).toContain('文件太大')
    expect(uploadRefusal({ status: 415, title: 't', detail: '看起来是一张图片', fields: {} }))
      .toBe('这不是能读取的报告文件（请上传 Word、WPS、PDF、RTF、网页或纯文本）（看起来是一张图片）')
    expect(uploadRefusal({ status: 422, title: 't', fields: {} })).toBe('文件内容不像一份报告')
    expect(uploadRefusal({ status: 503, title: '服务暂不可用', fields: {} })).toBe('服务暂不可用')
  })
})

describe('report filters', () => {
  it('reads the URL and drops what is malformed', () => {
    expect(reportFiltersFromQuery({ year: '2025', issuer: '司法局', status: 'DRAFT' })).toEqual({ year: 2025, issuer: '司法局', status: 'DRAFT' })
    expect(reportFiltersFromQuery({ year: '明年', status: 'GONE' })).toEqual({ year: undefined, issuer: undefined, status: undefined })
    expect(reportQuery({ year: 2025, status: 'PUBLISHED' })).toEqual({ year: '2025', status: 'PUBLISHED' })
    expect(reportQuery({})).toEqual({})
  })
})

describe('dispatch', () => {
  const draft: DraftTask = {
    id: 't1', title: '全员培训', text: '', reportId: 'r1', planItemId: 'plan-1.2', theme: null, version: 3,
    leadDepartment: null, coDepartments: [], deadline: null,
    suggestion: { leadDepartment: 'judicial', coDepartments: ['hr', 'judicial'], deadline: '2026-12-31', reasons: null },
  }
  it('starts from the suggestion and sends it as it is', () => {
    const c = initialChoice(draft)
    expect(c).toEqual({ leadDepartment: 'judicial', coDepartments: ['hr', 'judicial'], deadline: '2026-12-31' })
    expect(changed(draft, c)).toBe(false)
    // the lead is not also its own co-department
    expect(dispatchBody(c)).toEqual({ leadDepartment: 'judicial', coDepartments: ['hr'], deadline: '2026-12-31' })
  })
  it('notices a change and refuses a dispatch without lead or deadline', () => {
    expect(changed(draft, { ...initialChoice(draft), coDepartments: ['judicial', 'hr'] })).toBe(false)
    expect(changed(draft, { ...initialChoice(draft), leadDepartment: 'market' })).toBe(true)
    expect(dispatchBody({ leadDepartment: '', coDepartments: [], deadline: '2026-12-31' })).toBeNull()
    expect(initialChoice({ ...draft, suggestion: null })).toEqual({ leadDepartment: '', coDepartments: [], deadline: '' })
  })
  it('links a task to its sentence in the report', () => {
    expect(sourceLink(draft)).toBe('/reports/r1?item=plan-1.2')
    expect(sourceLink({ reportId: null, planItemId: 'plan-1' })).toBeNull()
  })
})

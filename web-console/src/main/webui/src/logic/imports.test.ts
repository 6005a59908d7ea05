import { describe, expect, it } from 'vitest'
import { conflicts, correctionsBody, namesToMap, statesToMap, type PreviewRow } from './imports'

function row(over: Partial<PreviewRow>): PreviewRow {
  return {
    key: '台账!3', sheet: '台账', row: 3, theme: null, title: '任务', lead: null, coDepartments: [], deadlineText: '',
    deadline: null, longTerm: false, stateText: '', state: 'DISPATCHED', stateName: '已交办', percent: null,
    closedOn: null, skipped: false, action: 'CREATE', taskId: null, changes: [], issues: [], ...over,
  }
}

describe('导入台账 preview helpers', () => {
  it('lists each inexact department name once, lead and co alike', () => {
    const unsure = { written: '区委社会部', departmentId: null, name: null, match: 'UNSURE' as const,
      candidates: [{ departmentId: 'social-work-department', name: '区委社会工作部', score: 0.5 }] }
    const exact = { written: '区司法局', departmentId: 'judicial-bureau', name: '区司法局', match: 'EXACT' as const, candidates: [] }
    const names = namesToMap([row({ lead: unsure }), row({ lead: exact, coDepartments: [unsure] })])
    expect(names.map((n) => n.written)).toEqual(['区委社会部'])
    expect(names[0].candidates[0].departmentId).toBe('social-work-department')
  })

  it('lists unreadable states and conflicting rows', () => {
    const rows = [
      row({ stateText: '已部署', state: null, action: 'ERROR',
        issues: [{ column: 'STATE', columnName: '状态', severity: 'ERROR', code: 'state-unknown', message: '看不懂' }] }),
      row({ action: 'CONFLICT', changes: [{ field: 'state', inSystem: 'IN_PROGRESS', inFile: 'CLOSED' }] }),
    ]
    expect(statesToMap(rows)).toEqual(['已部署'])
    expect(conflicts(rows)).toHaveLength(1)
  })

  it('sends only the choices made', () => {
    expect(correctionsBody({ 各街道: 'kaiyuan-subdistrict', 区法制办: '' }, { 已部署: 'DISPATCHED' }))
      .toEqual({ departments: { 各街道: 'kaiyuan-subdistrict' }, states: { 已部署: 'DISPATCHED' } })
  })
})

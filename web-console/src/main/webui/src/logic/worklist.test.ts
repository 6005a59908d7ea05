import { describe, expect, it } from 'vitest'
import {
  departmentStep, districtToday, dueSoon, landingPath, officeAction, returnReason, revisionChange,
  splitMine,
  WORKLIST_GROUPS, type LandingTask,
} from './worklist'
import { filtersFromQuery, serviceQuery } from './filters'

function task(id: string, over: Partial<LandingTask> = {}): LandingTask {
  return {
    id, title: `任务${id}`, state: 'IN_PROGRESS', reportId: 'r1', leadDepartment: 'judicial-bureau', coDepartments: [],
    deadline: '2026-12-31', percent: 40, light: 'GREEN', lightReason: 'ON_TRACK', keySupervision: false, version: 3,
    allowedActions: [], ...over,
  }
}

describe('landing per role', () => {
  it('sends the office to 待办, a department to 我的任务, leaders and auditors to 总览', () => {
    expect(landingPath(['office'])).toBe('/worklist')
    expect(landingPath(['department'])).toBe('/my')
    expect(landingPath(['leader'])).toBe('/')
    expect(landingPath(['auditor'])).toBe('/')
    // an office account that also carries a department claim works as the office
    expect(landingPath(['department', 'office'])).toBe('/worklist')
    expect(landingPath([])).toBe('/')
  })
})

describe('the office worklist', () => {
  it('lists the groups in working order, each with a source the relay serves', () => {
    expect(WORKLIST_GROUPS.map((g) => g.key)).toEqual(['reports', 'drafts', 'submitted', 'extensions', 'revisions', 'overdue'])
    expect(WORKLIST_GROUPS.find((g) => g.key === 'extensions')!.source).toContain('pending=EXTENSION')
    expect(WORKLIST_GROUPS.find((g) => g.key === 'submitted')!.source).toContain('state=SUBMITTED')
    expect(WORKLIST_GROUPS.every((g) => g.source.startsWith('/api/report/') || g.source.startsWith('/api/task/'))).toBe(true)
  })

  it('links every task group to the task list filtered the same way', () => {
    const all = (key: string) => WORKLIST_GROUPS.find((g) => g.key === key)!.all!
    const filtersOf = (path: string) => filtersFromQuery(Object.fromEntries(new URL(path, 'http://console').searchParams))
    expect(all('extensions')).toBe('/tasks?pending=EXTENSION')
    expect(all('revisions')).toBe('/tasks?pending=REVISION')
    // the list page reads the link into its 待决定 control, and asks task-service the same as the group did
    for (const key of ['extensions', 'revisions', 'submitted', 'overdue'] as const) {
      const group = WORKLIST_GROUPS.find((g) => g.key === key)!
      const asked = new URL(group.source, 'http://console').searchParams
      const listed = new URLSearchParams(serviceQuery(filtersOf(group.all!)))
      for (const name of ['pending', 'state', 'overdue']) expect([key, listed.get(name)]).toEqual([key, asked.get(name)])
    }
    expect(filtersOf(all('revisions')).pending).toBe('REVISION')
  })

  it('gives each row one next step where it is done', () => {
    expect(officeAction('reports', { id: 'rep' })).toEqual({ label: '审核报告', to: '/reports/rep' })
    expect(officeAction('drafts', { id: 't1', reportId: 'r9' })).toEqual({ label: '去交办', to: '/dispatch?reportId=r9' })
    expect(officeAction('drafts', { id: 't1', reportId: null }).to).toBe('/dispatch')
    expect(officeAction('submitted', { id: 't2' })).toEqual({ label: '审核销号', to: '/tasks/t2' })
    expect(officeAction('extensions', { id: 't3' }).label).toBe('审批延期')
    expect(officeAction('overdue', { id: 't4' }).to).toBe('/tasks/t4')
  })

  it('says what a pending revision would change', () => {
    const before = { title: '开展案卷评查', text: '开展案卷评查。' }
    expect(revisionChange({ id: 'r', kind: 'REMOVAL', status: 'PENDING', before, after: null })).toBe('修订后的报告删去了这一项')
    expect(revisionChange({ id: 'r', kind: 'CHANGE', status: 'PENDING', before, after: { ...before, title: '开展案卷集中评查' } }))
      .toBe('标题改为：开展案卷集中评查')
    expect(revisionChange({ id: 'r', kind: 'CHANGE', status: 'PENDING', before, after: { ...before, text: '6月底前开展。' } }))
      .toBe('内容改为：6月底前开展。')
    expect(revisionChange({ id: 'r', kind: 'CHANGE', status: 'PENDING', before, after: before })).toBe('在报告中的位置或所属板块有变')
  })
})

describe('my tasks', () => {
  it('puts the tasks the department leads first and those it supports after, each by deadline', () => {
    const tasks = [
      task('a', { deadline: '2026-09-30' }),
      task('b', { leadDepartment: 'market-regulation', coDepartments: ['judicial-bureau'], deadline: '2026-03-31' }),
      task('c', { deadline: null }),
      task('d', { deadline: '2026-06-30' }),
      task('e', { leadDepartment: 'market-regulation', coDepartments: ['kaiyuan-subdistrict'] }),
    ]
    const { lead, support } = splitMine(tasks, 'judicial-bureau')
    expect(lead.map((t) => t.id)).toEqual(['d', 'a', 'c'])
    expect(support.map((t) => t.id)).toEqual(['b'])
  })

  it('finds what is due within 10 working days or overdue, leaving out submissions', () => {
    const tasks = [
      task('late', { deadline: '2026-02-20', workingDaysLeft: -3 }),
      // past, but no working day since (a day off right after the deadline)
      task('justLate', { deadline: '2026-02-21', workingDaysLeft: 0 }),
      // fourteen calendar days away over 春节, yet only ten working days
      task('soon', { deadline: '2026-02-27', workingDaysLeft: 10 }),
      task('later', { deadline: '2026-03-02', workingDaysLeft: 11 }),
      task('waiting', { deadline: '2026-02-25', workingDaysLeft: 1, state: 'SUBMITTED' }),
      task('none', { deadline: null, workingDaysLeft: null }),
    ]
    expect(dueSoon(tasks).map((t) => t.id)).toEqual(['late', 'justLate', 'soon'])
    expect(dueSoon(tasks, 0).map((t) => t.id)).toEqual(['late', 'justLate'])
  })

  it('says today in the district, not in UTC', () => {
    expect(districtToday(new Date('2026-02-28T17:00:00Z'))).toBe('2026-03-01')
    expect(districtToday(new Date('2026-02-28T15:59:00Z'))).toBe('2026-02-28')
  })

  it('reads the latest return reason from the history', () => {
    const history = [
      { id: 1, at: '2026-02-01T02:00:00Z', actor: 'office1', action: 'RETURN', detail: { reason: '缺少佐证材料' } },
      { id: 2, at: '2026-02-03T02:00:00Z', actor: 'judicial1', action: 'SUBMIT', detail: null },
      { id: 3, at: '2026-02-05T02:00:00Z', actor: 'office1', action: 'RETURN', detail: { reason: '评查报告未盖章' } },
    ]
    expect(returnReason(history)).toEqual({ reason: '评查报告未盖章', at: '2026-02-05T02:00:00Z', actor: 'office1' })
    expect(returnReason(history.slice(1, 2))).toBeNull()
  })

  it('offers the department its obvious next step, or none', () => {
    expect(departmentStep(task('x', { state: 'DISPATCHED', allowedActions: ['ACKNOWLEDGE', 'REQUEST_EXTENSION'] }))).toBe('签收')
    expect(departmentStep(task('x', { state: 'RETURNED', allowedActions: ['REPORT_PROGRESS', 'REQUEST_EXTENSION', 'SUBMIT'] }))).toBe('进度反馈')
    expect(departmentStep(task('x', { percent: 100, allowedActions: ['REPORT_PROGRESS', 'SUBMIT'] }))).toBe('申请办结')
    expect(departmentStep(task('x', { state: 'SUBMITTED', allowedActions: [] }))).toBeNull()
  })
})

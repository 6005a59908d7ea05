import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatPercent, formatRate } from './format'
import { departmentName, lightMark, stateMark } from './marks'
import { filterTags, filtersFromQuery, lightListQuery, queryFromFilters, serviceQuery, tableSort } from './filters'
import { sessionExpired, toProblem } from './api'
import { ACTIONS, buttons } from './actions'
import { taskCalendarNote, yearsToCheck } from './calendar'

describe('format', () => {
  it('writes dates as offices do', () => {
    expect(formatDate('2026-03-01')).toBe('2026年3月1日')
    expect(formatDate('2026-12-31')).toBe('2026年12月31日')
    expect(formatDate(null)).toBe('—')
  })
  it('takes the day of a moment in the district zone', () => {
    // 17:00 UTC on 28 February is already 1 March in Shanghai
    expect(formatDate('2026-02-28T17:00:00Z')).toBe('2026年3月1日')
    expect(formatDateTime('2026-02-28T17:05:00Z')).toBe('2026年3月1日 01:05')
  })
  it('writes rates with one decimal and percents plainly', () => {
    expect(formatRate(0.8333)).toBe('83.3%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(null)).toBe('—')
    expect(formatPercent(60)).toBe('60%')
  })
})

describe('marks', () => {
  it('gives every state its word and colour', () => {
    expect(stateMark('DRAFT')).toMatchObject({ word: '草稿', type: 'info', struck: false })
    expect(stateMark('DISPATCHED')).toMatchObject({ word: '已交办', type: 'primary' })
    expect(stateMark('SUBMITTED')).toMatchObject({ word: '待销号', type: 'warning' })
    expect(stateMark('CLOSED')).toMatchObject({ word: '已销号', type: 'success' })
    expect(stateMark('RETURNED')).toMatchObject({ word: '已退回', type: 'danger' })
    expect(stateMark('CANCELLED')).toMatchObject({ word: '已撤销', struck: true })
  })
  it('shows a light as a dot with a word and its reason, never colour alone', () => {
    expect(lightMark('RED', 'OVERDUE')).toEqual({ light: 'RED', word: '红灯', colour: '#d93026', reason: '已超期' })
    expect(lightMark('YELLOW', 'NO_FEEDBACK')).toMatchObject({ word: '黄灯', reason: '长期未反馈' })
    expect(lightMark(null, 'CLOSED_ON_TIME')).toMatchObject({ light: 'NONE', word: '无灯', reason: '按期办结' })
    expect(lightMark('PURPLE', null)).toMatchObject({ light: 'NONE', reason: '' })
  })
  it('names departments from the directory and shows an unknown id as it is', () => {
    const names = { 'judicial-bureau': '区司法局' }
    expect(departmentName(names, 'judicial-bureau')).toBe('区司法局')
    expect(departmentName(names, 'new-bureau')).toBe('new-bureau')
    expect(departmentName(names, null)).toBe('—')
  })
})

describe('filters in the URL', () => {
  it('marks the sorted column the way the URL sorts it', () => {
    expect(tableSort('-percent')).toEqual({ prop: 'percent', order: 'descending' })
    expect(tableSort('deadline')).toEqual({ prop: 'deadline', order: 'ascending' })
  })

  it('round-trips through the query', () => {
    const f = filtersFromQuery({ department: 'judicial-bureau', state: ['DISPATCHED', 'IN_PROGRESS'], overdue: 'true',
      planYear: '2026', deadlineBefore: '2026-06-30', q: '法律援助', sort: '-percent', page: '3', size: '50' })
    expect(f).toEqual({ department: 'judicial-bureau', state: ['DISPATCHED', 'IN_PROGRESS'], light: [], overdue: true,
      keySupervision: undefined, planYear: 2026, deadlineBefore: '2026-06-30', deadlineFrom: undefined,
      issuer: undefined, q: '法律援助', sort: '-percent', page: 3, size: 50 })
    expect(filtersFromQuery(queryFromFilters(f))).toEqual(f)
  })
  it('keeps a plain list plain and ignores malformed values', () => {
    const f = filtersFromQuery({ sort: 'DROP TABLE', page: '-2', size: 'x', deadlineBefore: '30/06/2026', state: 'CLOSED' })
    expect(f.sort).toBe('deadline')
    expect(f.page).toBe(1)
    expect(f.size).toBe(20)
    expect(f.deadlineBefore).toBeUndefined()
    expect(f.state).toEqual(['CLOSED'])
    expect(queryFromFilters(filtersFromQuery({}))).toEqual({})
  })
  it('carries a deadline range and the issuer to the URL and to task-service', () => {
    const f = filtersFromQuery({ deadlineFrom: '2026-04-01', deadlineBefore: '2026-07-01', issuer: '某区司法局' })
    expect(queryFromFilters(f)).toEqual({ deadlineFrom: '2026-04-01', deadlineBefore: '2026-07-01', issuer: '某区司法局' })
    const p = new URLSearchParams(serviceQuery(f, false))
    expect([p.get('deadlineFrom'), p.get('deadlineBefore'), p.get('issuer')]).toEqual(['2026-04-01', '2026-07-01', '某区司法局'])
    expect(filtersFromQuery({ deadlineFrom: 'April' }).deadlineFrom).toBeUndefined()
  })
  it('carries the 红黄绿灯 filter to the URL, the list and the export, and drops lights that do not exist', () => {
    const f = filtersFromQuery({ light: ['RED', 'YELLOW', 'RED', 'PURPLE'], department: 'judicial-bureau' })
    expect(f.light).toEqual(['RED', 'YELLOW'])
    expect(queryFromFilters(f)).toEqual({ department: 'judicial-bureau', light: ['RED', 'YELLOW'] })
    expect(filtersFromQuery(queryFromFilters(f))).toEqual(f)
    expect(new URLSearchParams(serviceQuery(f)).getAll('light')).toEqual(['RED', 'YELLOW'])
    expect(new URLSearchParams(serviceQuery(f, false)).getAll('light')).toEqual(['RED', 'YELLOW'])
    expect(filtersFromQuery({ light: 'GREEN' }).light).toEqual(['GREEN'])
    expect(filtersFromQuery({ light: 'purple' }).light).toEqual([])
    expect(new URLSearchParams(serviceQuery(filtersFromQuery({}))).has('light')).toBe(false)
  })
  it('carries the 待决定 filter (pending) to the URL, the list and the export, and drops unknown values', () => {
    const f = filtersFromQuery({ pending: 'EXTENSION', state: 'IN_PROGRESS' })
    expect(f.pending).toBe('EXTENSION')
    expect(queryFromFilters(f)).toEqual({ pending: 'EXTENSION', state: ['IN_PROGRESS'] })
    expect(filtersFromQuery(queryFromFilters(f))).toEqual(f)
    expect(new URLSearchParams(serviceQuery(f)).get('pending')).toBe('EXTENSION')
    expect(new URLSearchParams(serviceQuery(f, false)).get('pending')).toBe('EXTENSION')
    expect(filtersFromQuery({ pending: ['REVISION', 'EXTENSION'] }).pending).toBe('REVISION')
    // task-service would refuse these with a 400; the list opens unfiltered instead
    expect(filtersFromQuery({ pending: 'extension' }).pending).toBeUndefined()
    expect(filtersFromQuery({ pending: 'MILESTONE' }).pending).toBeUndefined()
    expect(new URLSearchParams(serviceQuery(filtersFromQuery({}))).has('pending')).toBe(false)
  })
  it('opens the list behind a light of the dashboard, of one department or of all', () => {
    expect(lightListQuery('RED')).toEqual({ light: 'RED' })
    // a department's lights count the tasks it leads, as notification-service's department rollup does
    expect(lightListQuery('YELLOW', 'judicial-bureau')).toEqual({ department: 'judicial-bureau', leadOnly: 'true',
      light: 'YELLOW' })
    expect(filtersFromQuery(lightListQuery('GREEN', null))).toMatchObject({ light: ['GREEN'], department: undefined,
      leadOnly: undefined })
    const one = new URLSearchParams(serviceQuery(filtersFromQuery(lightListQuery('RED', 'judicial-bureau'))))
    expect([one.get('department'), one.get('leadOnly'), one.get('light')]).toEqual(['judicial-bureau', 'true', 'RED'])
  })
  it('carries leadOnly with its department only, and the closing day range to the URL, the list and the export', () => {
    const f = filtersFromQuery({ department: 'judicial-bureau', leadOnly: 'true', closedFrom: '2026-04-01',
      closedBefore: '2026-05-01', closedOnTime: 'true' })
    expect(f).toMatchObject({ department: 'judicial-bureau', leadOnly: true, closedFrom: '2026-04-01',
      closedBefore: '2026-05-01', closedOnTime: true })
    expect(queryFromFilters(f)).toEqual({ department: 'judicial-bureau', leadOnly: 'true', closedFrom: '2026-04-01',
      closedBefore: '2026-05-01', closedOnTime: 'true' })
    expect(filtersFromQuery(queryFromFilters(f))).toEqual(f)
    for (const paged of [true, false]) {
      const p = new URLSearchParams(serviceQuery(f, paged))
      expect([p.get('leadOnly'), p.get('closedFrom'), p.get('closedBefore'), p.get('closedOnTime')])
        .toEqual(['true', '2026-04-01', '2026-05-01', 'true'])
    }
    // task-service refuses leadOnly without a department (400): the list drops it, and a removed department takes it along
    expect(filtersFromQuery({ leadOnly: 'true' }).leadOnly).toBeUndefined()
    expect(queryFromFilters({ ...f, department: undefined })).not.toHaveProperty('leadOnly')
    expect(serviceQuery({ ...f, department: undefined })).not.toContain('leadOnly')
    expect(filtersFromQuery({ closedFrom: 'April', closedBefore: '2026-13', closedOnTime: 'yes' }))
      .toMatchObject({ closedFrom: undefined, closedBefore: undefined, closedOnTime: undefined })
    expect(serviceQuery(filtersFromQuery({}))).not.toMatch(/leadOnly|closed/)
  })
  it('shows leadOnly, the closing day range and closedOnTime as tags, each removable on its own', () => {
    const f = filtersFromQuery({ department: 'judicial-bureau', leadOnly: 'true', closedFrom: '2026-04-01',
      closedBefore: '2026-05-01', closedOnTime: 'true', page: '2' })
    const tags = filterTags(f)
    // the range's end is exclusive at task-service; the clerk reads its last day
    expect(tags.map((t) => [t.key, t.text])).toEqual([['lead-only', '仅牵头单位'],
      ['closed', '销号日期 2026年4月1日至2026年4月30日'], ['closed-on-time', '按期销号']])
    expect(queryFromFilters({ ...f, ...tags[1].without, page: 1 })).toEqual({ department: 'judicial-bureau',
      leadOnly: 'true', closedOnTime: 'true' })
    expect(queryFromFilters({ ...f, ...tags[0].without, page: 1 })).not.toHaveProperty('leadOnly')
    expect(filterTags(filtersFromQuery({ closedFrom: '2026-12-01' }))[0].text).toBe('销号日期 2026年12月1日起')
    expect(filterTags(filtersFromQuery({ closedBefore: '2026-03-01' }))[0].text).toBe('销号日期 截至2026年2月28日')
    expect(filterTags(filtersFromQuery({ department: 'judicial-bureau' }))).toEqual([])
  })
  it('asks task-service with pages from 0 and the ledger unpaged', () => {
    const f = filtersFromQuery({ state: ['RETURNED', 'SUBMITTED'], keySupervision: 'true', page: '2', q: '复议' })
    const paged = new URLSearchParams(serviceQuery(f))
    expect(paged.getAll('state')).toEqual(['RETURNED', 'SUBMITTED'])
    expect(paged.get('keySupervision')).toBe('true')
    expect(paged.get('page')).toBe('1')
    expect(paged.get('size')).toBe('20')
    expect(paged.get('q')).toBe('复议')
    const ledger = new URLSearchParams(serviceQuery(f, false))
    expect(ledger.has('page')).toBe(false)
    expect(ledger.get('sort')).toBe('deadline')
  })
})

describe('problems', () => {
  it('puts each field error next to its field', () => {
    const p = toProblem(400, { title: '请求内容有误', detail: '进度须在0到100之间。',
      errors: [{ field: 'percent', message: '进度须在0到100之间' }] }, '操作未成功')
    expect(p).toEqual({ status: 400, title: '请求内容有误', detail: '进度须在0到100之间。',
      fields: { percent: '进度须在0到100之间' } })
  })
  it('survives a body that is not a problem', () => {
    expect(toProblem(502, 'Bad Gateway', '操作未成功')).toEqual({ status: 502, title: '操作未成功', detail: undefined, fields: {} })
  })
  it('treats only the console\'s 499 as an ended session', () => {
    expect(sessionExpired(499)).toBe(true)
    expect(sessionExpired(401)).toBe(false)
    expect(sessionExpired(403)).toBe(false)
  })
})

describe('task actions', () => {
  it('offers exactly the allowed actions the page can perform, in order', () => {
    // DECIDE_EXTENSION is done beside each request in the 延期 tab, not as a button
    expect(buttons(['ACKNOWLEDGE', 'DECIDE_EXTENSION', 'PLAN_MILESTONES'])).toEqual(['ACKNOWLEDGE', 'PLAN_MILESTONES'])
    expect(buttons([])).toEqual([])
    expect(buttons(undefined)).toEqual([])
  })
  it('reports progress with the uploaded file as evidence', () => {
    expect(ACTIONS.REPORT_PROGRESS.request('t1', { percent: 60, note: '已完成培训', fileId: 'f1' })).toEqual({
      method: 'POST', path: '/api/task/tasks/t1/progress',
      body: { percent: 60, note: '已完成培训', evidence: [{ kind: 'file', fileId: 'f1' }] },
    })
    expect(ACTIONS.REPORT_PROGRESS.request('t1', { percent: 10 }).body).toMatchObject({ evidence: [] })
  })
  it('sends reasons, dates and flags where the service expects them', () => {
    expect(ACTIONS.RETURN.request('t2', { reason: '佐证不足' })).toEqual({ method: 'POST', path: '/api/task/tasks/t2/return', body: { reason: '佐证不足' } })
    expect(ACTIONS.REQUEST_EXTENSION.request('t2', { newDeadline: '2026-12-31', reason: '资金未到位' }).body)
      .toEqual({ newDeadline: '2026-12-31', reason: '资金未到位' })
    expect(ACTIONS.UNFLAG_KEY_SUPERVISION.request('t2', {})).toEqual({ method: 'PUT', path: '/api/task/tasks/t2/key-supervision', body: { flagged: false } })
    expect(ACTIONS.ACKNOWLEDGE.request('t2', {}).body).toBeUndefined()
  })
})

describe('calendar banner', () => {
  it('checks next year from 1 November only', () => {
    expect(yearsToCheck(new Date(2026, 9, 31))).toEqual([2026])
    expect(yearsToCheck(new Date(2026, 10, 1))).toEqual([2026, 2027])
    expect(yearsToCheck(new Date(2026, 11, 31))).toEqual([2026, 2027])
    expect(yearsToCheck(new Date(2027, 0, 1))).toEqual([2027])
  })
  it('says the task note only where the banner does not already', () => {
    const note = '2027年节假日安排未录入，按周末计算'
    expect(taskCalendarNote(note, [note])).toBeNull()
    expect(taskCalendarNote(note, [])).toBe(note)
    expect(taskCalendarNote(null, [])).toBeNull()
  })
})

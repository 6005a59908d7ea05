import { describe, expect, it } from 'vitest'
import {
  digestHeading, failureWord, isOpen, isRecurring, joinWords, otherReports, problemsInOrder, recurredInWord, splitWords,
  subscriptionBody, subscriptionErrors, visibleLinks, yearsWord, type RectProblem, type RectRecurrence,
  type SubscriptionForm,
} from './office'
import { ACTIONS, definitionChange } from './actions'
import { messages } from './messages'

const problem = (id: string, coverage: RectProblem['coverage'], links: RectProblem['links'] = []): RectProblem => ({
  id, problemId: id, title: id, text: '', status: 'NEW', covered: coverage === 'CONFIRMED', coverage, links,
})

describe('rectification', () => {
  it('puts uncovered problems first, then suggested ones, keeping the report order within each', () => {
    const items = [problem('a', 'CONFIRMED'), problem('b', 'NONE'), problem('c', 'SUGGESTED'), problem('d', 'NONE')]
    expect(problemsInOrder(items).map((p) => p.id)).toEqual(['b', 'd', 'c', 'a'])
    expect(problemsInOrder(items, true).map((p) => p.id)).toEqual(['b', 'd', 'c'])
  })
  it('hides rejected links', () => {
    const link = (taskId: string, status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED') =>
      ({ taskId, title: taskId, state: null, stateName: null, score: 1, words: null, reason: null, status })
    const p = problem('a', 'SUGGESTED', [link('t1', 'SUGGESTED'), link('t2', 'REJECTED'), link('t3', 'CONFIRMED')])
    expect(visibleLinks(p).map((l) => l.taskId)).toEqual(['t1', 't3'])
  })
})

describe('recurring problems', () => {
  const ref = (reportId: string, reportYear: number) => ({ reportId, reportYear, problemId: 'problem-1', title: '复议宣传方式单一' })
  const item = (id: string, recurrence: RectRecurrence | null, status = 'NEW'): RectProblem =>
    ({ ...problem(id, 'NONE'), status, recurrence })
  const earlier = item('e', { years: [2023, 2024], earlier: [], recurredIn: [ref('r2024', 2024)] }, 'RECURRED')
  const newer = item('n', { years: [2023, 2024], earlier: [ref('r2023', 2023)], recurredIn: [] })
  const apart = item('a', { years: [2024, 2021, 2023], earlier: [ref('r2021', 2021), ref('r2023', 2023)], recurredIn: [] })
  const plain = item('p', null)

  it('tags the earlier item with the reports it recurred in', () => {
    expect(recurredInWord(earlier)).toBe('再次出现（2024年报告）')
    const twice = item('t', { years: [2022, 2023, 2024], earlier: [], recurredIn: [ref('r2024', 2024), ref('r2023', 2023), ref('x', 2024)] })
    expect(recurredInWord(twice)).toBe('再次出现（2023、2024年报告）')
    expect(recurredInWord(newer)).toBeNull()
    expect(recurredInWord(plain)).toBeNull()
  })
  it('tags the newer item with the years it appeared in, saying so only when they run in a row', () => {
    expect(yearsWord(newer)).toBe('连续2年出现：2023、2024年')
    expect(yearsWord(apart)).toBe('先后3年出现：2021、2023、2024年')
    expect(yearsWord(earlier)).toBeNull()
    expect(yearsWord(plain)).toBeNull()
  })
  it('counts 再次出现 as open and only 已销号 as closed', () => {
    expect(isOpen(earlier)).toBe(true)
    expect(isOpen(item('c', null, 'CLOSED'))).toBe(false)
    expect(isOpen(item('i', null, 'IN_PROGRESS'))).toBe(true)
  })
  it('lists only the recurring ones when asked, in the usual order', () => {
    const items = [plain, earlier, item('empty', { years: [], earlier: [], recurredIn: [] }), newer]
    expect(items.filter(isRecurring).map((p) => p.id)).toEqual(['e', 'n'])
    expect(problemsInOrder(items, false, true).map((p) => p.id)).toEqual(['e', 'n'])
    expect(problemsInOrder(items).map((p) => p.id)).toEqual(['p', 'e', 'empty', 'n'])
  })
  it('links the other reports once each, oldest first', () => {
    const both = item('b', { years: [2023, 2024, 2025], earlier: [ref('r2023', 2023)], recurredIn: [ref('r2025', 2025), ref('r2025', 2025)] })
    expect(otherReports(both)).toEqual([{ reportId: 'r2023', reportYear: 2023 }, { reportId: 'r2025', reportYear: 2025 }])
    expect(otherReports(plain)).toEqual([])
  })
})

describe('directory words', () => {
  it('splits on the separators clerks type and drops repeats', () => {
    expect(splitWords('法律援助、人民调解，公证, 公证  行政复议;普法')).toEqual(['法律援助', '人民调解', '公证', '行政复议', '普法'])
    expect(splitWords('  ')).toEqual([])
    expect(splitWords(null)).toEqual([])
  })
  it('joins with 、 and round-trips', () => {
    expect(joinWords(['司法局', '区司法局'])).toBe('司法局、区司法局')
    expect(splitWords(joinWords(['a', 'b']))).toEqual(['a', 'b'])
  })
})

describe('subscriptions', () => {
  const form = (over: Partial<SubscriptionForm>): SubscriptionForm => ({
    district: 'licheng', recipientType: 'OFFICE', recipientId: '', channel: 'EMAIL', target: 'fzb@licheng.gov.cn',
    secret: '', kinds: [], ...over,
  })
  it('accepts an office mailbox and a signed webhook', () => {
    expect(subscriptionErrors(form({}))).toEqual({})
    expect(subscriptionErrors(form({ channel: 'WEBHOOK', target: 'https://im.licheng.gov.cn/hook', secret: '0123456789abcdef' }))).toEqual({})
  })
  it('names each wrong field', () => {
    expect(Object.keys(subscriptionErrors(form({ target: '' })))).toEqual(['target'])
    expect(subscriptionErrors(form({ target: 'not-an-address' })).target).toContain('邮件')
    const hook = subscriptionErrors(form({ channel: 'WEBHOOK', target: 'ftp://x', secret: 'short' }))
    expect(Object.keys(hook).sort()).toEqual(['secret', 'target'])
    expect(subscriptionErrors(form({ recipientType: 'DEPARTMENT' })).recipientId).toBeTruthy()
  })
  it('sends no recipient for the office and no secret for email', () => {
    expect(subscriptionBody(form({ recipientId: 'judicial-bureau', secret: 'x' }))).toMatchObject({ recipientId: null, secret: null })
    expect(subscriptionBody(form({ recipientType: 'DEPARTMENT', recipientId: 'judicial-bureau', channel: 'WEBHOOK', secret: ' s ' })))
      .toMatchObject({ recipientId: 'judicial-bureau', secret: 's', enabled: true })
  })
})

describe('dead letters in words', () => {
  it('says what a refusing or failing receiver means, with its HTTP status or SMTP reply', () => {
    expect(failureWord('REFUSED', 403)).toBe('接收方拒收（HTTP 403）：请核对地址和签名密钥')
    expect(failureWord('RECEIVER_ERROR', 502)).toBe('接收方出错（HTTP 502）：请联系接收方处理')
    expect(failureWord('MAIL_REFUSED', 550)).toBe('邮件服务器拒收（550）：请核对邮件地址')
    expect(failureWord('MAIL_UNAVAILABLE', null)).toBe('邮件服务器暂时不可用')
  })
  it('has words for every reason the service gives', () => {
    for (const reason of ['REFUSED', 'RECEIVER_ERROR', 'ANSWERED', 'TIMEOUT', 'UNREACHABLE', 'UNKNOWN_HOST', 'TLS',
      'MAIL_REFUSED', 'MAIL_UNAVAILABLE', 'OTHER']) {
      expect(messages.subscriptions.failures[reason], reason).toBeTruthy()
    }
    expect(failureWord('UNREACHABLE', null)).toBe('连不上接收地址：对方服务未开启或网络不通')
  })
  it('never leaves the clerk with nothing but the technical text', () => {
    expect(failureWord(null, null)).toBe(messages.subscriptions.failures.OTHER)
    expect(failureWord('SOMETHING_NEW', null)).toBe(messages.subscriptions.failures.OTHER)
  })
})

describe('digest', () => {
  it('names the week as offices do', () => {
    expect(digestHeading('历城区', '2025-W07')).toBe('历城区督办周报（2025年第7周）')
    expect(digestHeading('历城区', 'odd')).toBe('历城区督办周报（odd）')
  })
})

describe('task forms', () => {
  it('sends only what the clerk changed in 修改', () => {
    const base = { originalTitle: 'A', originalDeadline: '2026-06-30', title: 'A', deadline: '2026-06-30' }
    expect(definitionChange(base)).toEqual({})
    expect(definitionChange({ ...base, deadline: '2026-09-30', reason: '统一安排' })).toEqual({ deadline: '2026-09-30', reason: '统一安排' })
    expect(definitionChange({ ...base, title: 'B' })).toEqual({ title: 'B' })
  })
  it('reassigns, plans and completes milestones at their addresses', () => {
    expect(ACTIONS.REASSIGN.request('t1', { leadDepartment: 'market-regulation', reason: 'r' }))
      .toEqual({ method: 'POST', path: '/api/task/tasks/t1/reassign', body: { leadDepartment: 'market-regulation', reason: 'r' } })
    expect(ACTIONS.PLAN_MILESTONES.request('t1', { title: '评查', dueDate: '2026-06-30' }).body).toEqual({ title: '评查', dueDate: '2026-06-30' })
    expect(ACTIONS.COMPLETE_MILESTONE.request('t1', { milestone: 'm1', note: '' }))
      .toEqual({ method: 'POST', path: '/api/task/tasks/t1/milestones/m1/complete', body: { note: null } })
  })
})

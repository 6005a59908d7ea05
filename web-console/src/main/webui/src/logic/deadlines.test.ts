import { describe, expect, it } from 'vitest'
import { isOverdue, workingDaysWords } from './deadlines'

// Dates around 春节 2026 (off 15–23 February, Saturday 14 and 28 February worked); task-service's numbers as it
// would count them on each `today`.
describe('deadlines in working days', () => {
  it('says the working days left', () => {
    expect(workingDaysWords({ deadline: '2026-03-02', workingDaysLeft: 7 }, '2026-02-13')).toBe('剩余7个工作日')
    expect(workingDaysWords({ deadline: '2026-02-16', workingDaysLeft: 1 }, '2026-02-13')).toBe('剩余1个工作日')
  })

  it('says due today only on the deadline itself', () => {
    expect(workingDaysWords({ deadline: '2026-02-13', workingDaysLeft: 0 }, '2026-02-13')).toBe('今天到期')
    // a deadline on a day off with no working day before it is not today's
    expect(workingDaysWords({ deadline: '2026-02-22', workingDaysLeft: 0 }, '2026-02-21')).toBe('剩余0个工作日')
  })

  it('says the working days overdue, and overdue without a working day since', () => {
    expect(workingDaysWords({ deadline: '2026-02-13', workingDaysLeft: -3 }, '2026-02-25')).toBe('已超期3个工作日')
    expect(workingDaysWords({ deadline: '2026-02-06', workingDaysLeft: 0 }, '2026-02-07')).toBe('已超期（未满1个工作日）')
  })

  it('says nothing when task-service counted nothing', () => {
    expect(workingDaysWords({ deadline: null, workingDaysLeft: null }, '2026-02-13')).toBeNull()
    // a closed task keeps its deadline but has no days left to count
    expect(workingDaysWords({ deadline: '2026-02-13', workingDaysLeft: null }, '2026-02-25')).toBeNull()
    expect(workingDaysWords({ deadline: '2026-02-13' }, '2026-02-25')).toBeNull()
  })

  it('marks a passed deadline as overdue, not one due today', () => {
    expect(isOverdue({ deadline: '2026-02-06' }, '2026-02-07')).toBe(true)
    expect(isOverdue({ deadline: '2026-02-07' }, '2026-02-07')).toBe(false)
    expect(isOverdue({ deadline: null }, '2026-02-07')).toBe(false)
  })
})

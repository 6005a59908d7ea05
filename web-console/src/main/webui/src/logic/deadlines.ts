import { messages } from './messages'
import { fill } from './imports'

// Deadlines as departments count them: in 工作日. task-service counts them (the task view's `workingDaysLeft`) with the
// district's working calendar, the one its 红黄绿灯 use, so the console never counts holidays itself.

/** The part of the task view a deadline's words need. */
export interface WorkingDeadline {
  deadline: string | null
  /** working days from today to the deadline, negative once overdue; null when nothing is left to count */
  workingDaysLeft?: number | null
}

/**
 * 剩余5个工作日 / 今天到期 / 已超期3个工作日, or null without a count (no deadline, a finished task). `today` (the
 * district's, YYYY-MM-DD) only tells the zeros apart: due today, due on a day off with no working day before it, or
 * passed with no working day since (a Saturday after a Friday deadline).
 */
export function workingDaysWords(t: WorkingDeadline, today: string): string | null {
  const n = t.workingDaysLeft
  if (!t.deadline || n === null || n === undefined) return null
  const w = messages.deadlines
  if (n < 0) return fill(w.over, { n: -n })
  if (n === 0 && t.deadline < today) return w.overNoWorkingDay
  if (n === 0 && t.deadline === today) return w.today
  return fill(w.left, { n })
}

/** Whether the deadline has passed in the district (the words say so too; this only colours them). */
export function isOverdue(t: WorkingDeadline, today: string): boolean {
  return !!t.deadline && t.deadline < today
}

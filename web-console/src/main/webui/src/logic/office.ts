import { messages } from './messages'
import type { ContactFields } from './contacts'

// The office pages' logic: rectification coverage, directory words, subscription checks, the digest's heading.

// ---- 整改 ----
export interface RectLink {
  taskId: string; title: string; stateName: string | null; state: string | null; score: number; words: string | null
  reason: string | null; status: 'SUGGESTED' | 'CONFIRMED' | 'REJECTED'
}
/** One problem of another report of the issuer (task-service's Recurrence.Ref). */
export interface RectRef { reportId: string; reportYear: number | null; problemId: string; title: string | null }
/** 再次出现: earlier = problems of earlier reports this one repeats, recurredIn = later reports that repeat it. */
export interface RectRecurrence { years: number[]; earlier: RectRef[]; recurredIn: RectRef[] }
export interface RectProblem {
  id: string; problemId: string; title: string; text: string; status: string; covered: boolean
  coverage: 'CONFIRMED' | 'SUGGESTED' | 'NONE'; links: RectLink[]; recurrence?: RectRecurrence | null
}

/**
 * The clerk's order: uncovered problems first (they need a task), then those with only suggestions, then the rest;
 * optionally only the uncovered ones, or only those that recur across the issuer's reports.
 */
export function problemsInOrder(items: RectProblem[], onlyUncovered = false, onlyRecurring = false): RectProblem[] {
  const rank = { NONE: 0, SUGGESTED: 1, CONFIRMED: 2 }
  return items.filter((p) => !onlyUncovered || !p.covered)
    .filter((p) => !onlyRecurring || isRecurring(p))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.coverage] - rank[b.p.coverage] || a.i - b.i)
    .map(({ p }) => p)
}

/** The links worth showing: a rejected one is history, not a candidate. */
export function visibleLinks(p: RectProblem): RectLink[] {
  return p.links.filter((l) => l.status !== 'REJECTED')
}

export function coverageWord(p: RectProblem): string {
  const r = messages.rectification
  return p.coverage === 'CONFIRMED' ? r.covered : p.coverage === 'SUGGESTED' ? r.suggestedOnly : r.uncovered
}

/** Open = still to be rectified: every status but 已销号; 再次出现 (RECURRED) is open, as task-service counts it. */
export function isOpen(p: RectProblem): boolean {
  return p.status !== 'CLOSED'
}

export function isRecurring(p: RectProblem): boolean {
  return !!p.recurrence && (p.recurrence.earlier.length > 0 || p.recurrence.recurredIn.length > 0)
}

function yearList(years: number[]): string {
  return years.join('、')
}

/** The red tag of an earlier item that a later report names again: 再次出现（2024年报告）; null when none did. */
export function recurredInWord(p: RectProblem): string | null {
  const later = p.recurrence?.recurredIn ?? []
  const years = [...new Set(later.map((r) => r.reportYear).filter((y): y is number => y != null))].sort((a, b) => a - b)
  if (!later.length) return null
  const r = messages.rectification
  return r.recurredIn.replace('{years}', years.length ? r.year.replace('{year}', yearList(years)) : r.laterYears)
}

/**
 * The years of a newer item that repeats earlier ones: 连续2年出现：2023、2024年, or 先后…年出现 when a year was
 * skipped (the problem was not named every year); null when it repeats none.
 */
export function yearsWord(p: RectProblem): string | null {
  const r = p.recurrence
  if (!r || !r.earlier.length || !r.years.length) return null
  const years = [...r.years].sort((a, b) => a - b)
  const inRow = years.every((y, i) => i === 0 || y === years[i - 1] + 1)
  const word = inRow ? messages.rectification.yearsInRow : messages.rectification.yearsApart
  return word.replace('{n}', String(years.length)).replace('{years}', yearList(years))
}

/** The other reports the problem appears in, oldest first, once each: where the clerk goes to see them. */
export function otherReports(p: RectProblem): { reportId: string; reportYear: number | null }[] {
  const r = p.recurrence
  if (!r) return []
  const seen = new Map<string, number | null>()
  for (const ref of [...r.earlier, ...r.recurredIn]) seen.set(ref.reportId, ref.reportYear)
  return [...seen].map(([reportId, reportYear]) => ({ reportId, reportYear }))
    .sort((a, b) => (a.reportYear ?? 9999) - (b.reportYear ?? 9999))
}

// ---- 单位 ----
/** A unit as task-service shows it to the caller; the contact fields are null where it withholds them. */
export interface Unit extends ContactFields {
  id: string; name: string; kind: string; parent: string | null; shortNames: string[]; aliases: string[]
  keywords: string[]; version: number
}

/** Words typed in one box, split on 、，, ; and spaces, trimmed, without repeats. */
export function splitWords(text: string | null | undefined): string[] {
  const seen = new Set<string>()
  for (const w of (text ?? '').split(/[、，,;；\s]+/)) {
    const t = w.trim()
    if (t) seen.add(t)
  }
  return [...seen]
}

export function joinWords(words: string[] | null | undefined): string {
  return (words ?? []).join('、')
}

// ---- 订阅与死信 ----
export interface SubscriptionForm {
  district: string; recipientType: 'OFFICE' | 'DEPARTMENT'; recipientId: string; channel: 'EMAIL' | 'WEBHOOK'
  target: string; secret: string; kinds: string[]
}

/** The kinds a subscription can pick (notification-service's ReminderRule and the digest); none = all. */
export const NOTICE_KINDS = ['BEFORE_DEADLINE', 'ON_DEADLINE', 'AFTER_DEADLINE', 'ESCALATION', 'CHASER', 'DISPATCHED',
  'RETURNED', 'EXTENSION_DECIDED', 'DIGEST']

/**
 * The field errors the clerk can be told before asking the service (which checks again and has the last word): an
 * address that fits the channel, a department for a department's subscription, a webhook's signing secret.
 */
export function subscriptionErrors(f: SubscriptionForm): Record<string, string> {
  const e = messages.subscriptions.errors
  const errors: Record<string, string> = {}
  const target = f.target.trim()
  if (!target) errors.target = e.target
  else if (f.channel === 'EMAIL' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(target)) errors.target = e.email
  else if (f.channel === 'WEBHOOK' && !/^https?:\/\/\S+$/.test(target)) errors.target = e.url
  if (f.recipientType === 'DEPARTMENT' && !f.recipientId) errors.recipientId = e.recipient
  if (f.channel === 'WEBHOOK' && f.secret.trim().length < 16) errors.secret = e.secret
  return errors
}

/** The service's body: no recipient for the office, no secret for email, every kind when none is chosen. */
export function subscriptionBody(f: SubscriptionForm): Record<string, unknown> {
  return {
    district: f.district, recipientType: f.recipientType,
    recipientId: f.recipientType === 'DEPARTMENT' ? f.recipientId : null,
    channel: f.channel, target: f.target.trim(), secret: f.channel === 'WEBHOOK' ? f.secret.trim() : null,
    enabled: true, kinds: f.kinds,
  }
}

// ---- 周报 ----
export function digestHeading(district: string, isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek)
  const week = m ? `${m[1]}年第${Number(m[2])}周` : isoWeek
  return messages.digest.heading.replace('{district}', district).replace('{week}', week)
}

// ---- 死信 ----
/**
 * The reason a delivery failed, in words: notification-service classifies the last error (lastErrorReason, with the
 * receiver's HTTP status or SMTP reply code); the clerk reads what it means and what to check, whoever repairs the
 * receiver reads the technical text beside it. A dead letter from before the classification says only 原因见技术信息.
 */
export function failureWord(reason: string | null, status: number | null): string {
  const f = messages.subscriptions.failures
  return (f[reason ?? 'OTHER'] ?? f.OTHER).replace('{code}', status == null ? '' : String(status)).replace('（）', '')
}

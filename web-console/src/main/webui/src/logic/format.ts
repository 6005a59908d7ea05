// Dates and numbers as offices write them: 2026年3月1日, 83.3%.
const DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** 2026年3月1日 from an ISO date or date-time (the calendar day it names, in the district's zone for a date-time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  const m = DATE.exec(value.length > 10 ? shanghaiDay(value) : value)
  if (!m) return value
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** 2026年3月1日 14:05 for a moment. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(d)
  return `${formatDate(value)} ${parts}`
}

function shanghaiDay(value: string): string {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  // en-CA writes YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)
}

/** A rate of 0..1 as 83.3%. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** A percent of 0..100 as 60%. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return '—'
  return `${Math.round(percent * 10) / 10}%`
}

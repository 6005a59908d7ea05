import { describe, expect, it } from 'vitest'
import { compactTaskTable, WIDE_TASK_TABLE } from './layout'

describe('the task table on narrow screens', () => {
  it('is compact in the main area of a tablet, portrait and landscape', () => {
    // 768 and 1024 px windows less the 160 px sidebar and el-main's 2 × 20 px padding
    expect(compactTaskTable(768 - 160 - 40)).toBe(true)
    expect(compactTaskTable(1024 - 160 - 40)).toBe(true)
    // printed on A4 (no sidebar)
    expect(compactTaskTable(718)).toBe(true)
  })

  it('keeps its six columns on a 1366 px screen', () => {
    expect(compactTaskTable(1366 - 160 - 40)).toBe(false)
  })

  it('switches at the width the six columns need', () => {
    expect(compactTaskTable(WIDE_TASK_TABLE - 1)).toBe(true)
    expect(compactTaskTable(WIDE_TASK_TABLE)).toBe(false)
  })

  it('keeps the wide form before it is laid out', () => {
    expect(compactTaskTable(0)).toBe(false)
  })
})

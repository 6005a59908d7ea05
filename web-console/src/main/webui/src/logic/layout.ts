import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/**
 * The narrowest a task table's six columns fit in (任务 260 + 牵头单位 140 + 办结时限 150 + 进度 90 + 状态 100 +
 * 红黄绿灯 110 = 850 px, and room for the cells' borders): below it the table says the same in four columns.
 */
export const WIDE_TASK_TABLE = 900

/**
 * Whether a task table this wide shows its compact form (the lead department under the title, state and light in
 * one column). 0 is a table not laid out yet (or hidden): it keeps the wide form, as a 1366 px screen shows it.
 */
export function compactTaskTable(width: number): boolean {
  return width > 0 && width < WIDE_TASK_TABLE
}

/** An element's width in px, kept as the window, the sidebar or the page around it changes (0 until mounted). */
export function useElementWidth(el: Ref<HTMLElement | null>): Ref<number> {
  const width = ref(0)
  let observer: ResizeObserver | undefined
  onMounted(() => {
    if (!el.value) return
    width.value = el.value.clientWidth
    observer = new ResizeObserver((entries) => {
      for (const entry of entries) width.value = entry.contentRect.width
    })
    observer.observe(el.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return width
}

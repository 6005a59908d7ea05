import { ref } from 'vue'

// Which years' working-day calendars the console checks for a banner: the current year always, and next year from
// 1 November, when the State Council's notice is due and tasks with next year's deadlines already exist.
export function yearsToCheck(today: Date): number[] {
  const year = today.getFullYear()
  return today.getMonth() >= 10 ? [year, year + 1] : [year]
}

/** The notes of missing years the banner at the top of every page shows. */
export const calendarNotes = ref<string[]>([])

/** A task's own calendar note, unless the banner above it already says the same. */
export function taskCalendarNote(note: string | null | undefined, banner: string[]): string | null {
  return note && !banner.includes(note) ? note : null
}

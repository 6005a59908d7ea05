// Which years' working-day calendars the console checks for a banner: the current year always, and next year from
// 1 November, when the State Council's notice is due and tasks with next year's deadlines already exist.
export function yearsToCheck(today: Date): number[] {
  const year = today.getFullYear()
  return today.getMonth() >= 10 ? [year, year + 1] : [year]
}

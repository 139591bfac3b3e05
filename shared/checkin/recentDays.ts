import { addMonths, type DayKey, monthKeyOf } from '../time/calendarDay'

/**
 * Adds a checked day to the member's record, keeping only the current and previous month: what the
 * calendar shows and what a makeup window can reach, so the member document stays small.
 */
export function withCheckedDay(
  record: { readonly recentDays: readonly DayKey[] },
  day: DayKey,
  today: DayKey,
): readonly DayKey[] {
  const oldestKept = `${monthKeyOf(addMonths(`${monthKeyOf(today)}-01`, -1))}-01`
  return [...new Set([...record.recentDays, day])].filter((kept) => kept >= oldestKept).sort()
}

/** The months the calendar can show: this business month and the previous one. */
export function viewableMonths(today: DayKey): readonly string[] {
  const thisMonth = monthKeyOf(today)
  return [monthKeyOf(addMonths(`${thisMonth}-01`, -1)), thisMonth]
}

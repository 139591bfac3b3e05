import type { CheckInRules } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { type DayKey, daysBetween } from '../time/calendarDay'

/** Why a makeup check-in is refused, in the order the checks run. */
export type MakeupRefusal =
  | 'MAKEUP_DISABLED'
  | 'MAKEUP_OUT_OF_WINDOW'
  | 'ALREADY_CHECKED_IN'
  | 'MAKEUP_LIMIT_REACHED'
  | 'POINTS_INSUFFICIENT'

/**
 * Whether a missed day may be made up now: makeups must be on, the day within the last
 * `windowDays` days (never today or later, never before the member joined), not already checked,
 * the month's allowance not used up, and the member able to pay the cost.
 */
export function makeupEligibility(options: {
  day: DayKey
  today: DayKey
  checkedDays: ReadonlySet<DayKey>
  makeupsUsedThisMonth: number
  usableBalance: number
  rules: CheckInRules
  /** The member's join day: there was nothing to miss before it. */
  joinedDay?: DayKey
}): Result<{ readonly costPoints: number }, MakeupRefusal> {
  const { makeup } = options.rules
  if (!options.rules.enabled || !makeup.enabled) return err('MAKEUP_DISABLED')
  const daysAgo = daysBetween(options.day, options.today)
  if (daysAgo < 1 || daysAgo > makeup.windowDays) return err('MAKEUP_OUT_OF_WINDOW')
  if (options.joinedDay !== undefined && options.day < options.joinedDay) return err('MAKEUP_OUT_OF_WINDOW')
  if (options.checkedDays.has(options.day)) return err('ALREADY_CHECKED_IN')
  if (options.makeupsUsedThisMonth >= makeup.monthlyLimit) return err('MAKEUP_LIMIT_REACHED')
  if (options.usableBalance < makeup.costPoints) return err('POINTS_INSUFFICIENT')
  return ok({ costPoints: makeup.costPoints })
}

/**
 * The makeup counts after one more makeup this business month. Only this month's count is kept:
 * the allowance is monthly and nothing reads a past month's count, so the member document does
 * not grow by a key a month.
 */
export function makeupsCounted(
  makeupsByMonth: Readonly<Record<string, number>>,
  month: string,
): Readonly<Record<string, number>> {
  return { [month]: (makeupsByMonth[month] ?? 0) + 1 }
}

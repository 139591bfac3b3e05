import { CHECK_IN_CYCLE_DAYS_MAX, type CheckInRules } from '../programme/schema'
import { addDays, type DayKey, daysOfMonth, isoWeekdayOf, type MonthKey } from '../time/calendarDay'
import { checkIn } from './checkIn'
import { makeupEligibility } from './makeup'
import { type CheckInState, continuesRun, cycleDayOf, cycleLengthOn } from './state'

/** One cell of the month grid. */
export interface CalendarCell {
  readonly day: DayKey
  /** 1 to the month's length. */
  readonly dayOfMonth: number
  /** Checked in, on the day or by a makeup. */
  readonly checked: boolean
  /** The business day `today`. */
  readonly isToday: boolean
  /** After today: never checked, never made up. */
  readonly isFuture: boolean
  /** A makeup of this day would be accepted now (`makeupEligibility` says ok). */
  readonly canMakeUp: boolean
}

/**
 * Two cycles of the longest kind: any bonus the cycle can reach is reached within them (a monthly
 * day-31 bonus skipped by a 30-day month comes in the next month, and no two short months follow).
 */
export const NEXT_REWARD_SEARCH_DAYS_MAX = 2 * CHECK_IN_CYCLE_DAYS_MAX

/** The next streak bonus if the member checks in every day from now on. */
export interface NextStreakReward {
  /** Days from today to the check-in that pays it: 0 is today's own check-in (not yet made). */
  readonly inDays: number
  /** The day of the cycle the bonus is on. */
  readonly cycleDay: number
  /** Everything that check-in gives: the daily base plus the bonus. */
  readonly points: number
  /** The growth that check-in gives: the daily base plus the bonus. */
  readonly growth: number
}

/** Everything the check-in page draws for a month. */
export interface MonthCalendar {
  readonly month: MonthKey
  /** Empty cells before the 1st in a Monday-first grid: the 1st's ISO weekday minus 1 (0–6). */
  readonly leadingBlankDays: number
  /** Every day of the month, in order. */
  readonly days: readonly CalendarCell[]
  /** Checked days in this month. */
  readonly checkedCount: number
  /** Whether `today` is checked (wherever the month shown is). */
  readonly checkedInToday: boolean
  /** The current streak's position in the cycle (see `currentStreak`); 0 once the run is broken. */
  readonly streak: number
  /** The length of the cycle today is in: the rolling length, or today's month's length. */
  readonly cycleLengthDays: number
  /** The next streak bonus from today (see `nextStreakReward`), whatever the month shown. */
  readonly nextReward: NextStreakReward | null
}

/**
 * The streak alive today: the run's position in its cycle if its last day is today, or yesterday
 * and today's check-in would continue it (not across the 1st for a calendar-month cycle); else 0.
 */
export function currentStreak(state: CheckInState, today: DayKey, rules: CheckInRules): number {
  if (state.lastDay === today) return cycleDayOf(state.runLength, rules.cycle)
  return continuesRun(state.lastDay, today, rules.cycle) ? cycleDayOf(state.runLength, rules.cycle) : 0
}

/**
 * The next check-in paying a streak bonus (points or growth) if the member checks in every day,
 * starting today, or tomorrow once today is checked. Null when check-ins are off, no bonus is
 * configured or none is reachable (a bonus day beyond a rolling cycle's length).
 */
export function nextStreakReward(state: CheckInState, today: DayKey, rules: CheckInRules): NextStreakReward | null {
  if (!rules.enabled || rules.streakBonuses.length === 0) return null
  let simulated = state
  const firstOffset = state.lastDay === today ? 1 : 0
  for (let inDays = firstOffset; inDays < firstOffset + NEXT_REWARD_SEARCH_DAYS_MAX; inDays += 1) {
    const outcome = checkIn({ state: simulated, day: addDays(today, inDays), rules })
    if (!outcome.ok) return null
    const { reward, cycleDay } = outcome.data
    if (reward.bonusPoints > 0 || reward.bonusGrowth > 0) {
      return { inDays, cycleDay, points: reward.points, growth: reward.growth }
    }
    simulated = outcome.data.state
  }
  return null
}

/**
 * The month grid: checked days, today, makeup-able days, the streak and the next bonus. `month` may
 * be any month; the streak and the next bonus are always about today.
 */
export function monthCalendar(options: {
  month: MonthKey
  today: DayKey
  checkedDays: ReadonlySet<DayKey>
  state: CheckInState
  rules: CheckInRules
  makeupsUsedThisMonth: number
  usableBalance: number
  joinedDay?: DayKey
}): MonthCalendar {
  const { today, checkedDays, rules } = options
  const days = daysOfMonth(options.month).map(
    (day, index): CalendarCell => ({
      day,
      dayOfMonth: index + 1,
      checked: checkedDays.has(day),
      isToday: day === today,
      isFuture: day > today,
      canMakeUp: makeupEligibility({
        day,
        today,
        checkedDays,
        makeupsUsedThisMonth: options.makeupsUsedThisMonth,
        usableBalance: options.usableBalance,
        rules,
        ...(options.joinedDay === undefined ? {} : { joinedDay: options.joinedDay }),
      }).ok,
    }),
  )
  const first = days[0] as CalendarCell
  return {
    month: options.month,
    leadingBlankDays: isoWeekdayOf(first.day) - 1,
    days,
    checkedCount: days.filter((cell) => cell.checked).length,
    checkedInToday: checkedDays.has(today),
    streak: currentStreak(options.state, today, rules),
    cycleLengthDays: cycleLengthOn(rules.cycle, today),
    nextReward: nextStreakReward(options.state, today, rules),
  }
}

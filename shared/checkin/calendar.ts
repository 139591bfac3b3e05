import type { CheckInRules } from '../programme/schema'
import { addDays, type DayKey, daysOfMonth, isoWeekdayOf, type MonthKey } from '../time/calendarDay'
import { checkIn } from './checkIn'
import { makeupEligibility } from './makeup'
import { type CheckInState, continuesRun, cycleDayOf, cycleLengthOn } from './state'

/** One cell of the month grid. */
export interface CalendarCell {
  readonly day: DayKey
  readonly dayOfMonth: number
  readonly checked: boolean
  readonly isToday: boolean
  readonly isFuture: boolean
  readonly canMakeUp: boolean
}

/** The next streak bonus if the member checks in every day from now on. */
export interface NextStreakReward {
  /** 0 when it is today's check-in. */
  readonly inDays: number
  readonly cycleDay: number
  readonly points: number
}

/** Everything the check-in page draws for a month. */
export interface MonthCalendar {
  readonly month: MonthKey
  /** Empty cells before the 1st in a Monday-first grid. */
  readonly leadingBlankDays: number
  readonly days: readonly CalendarCell[]
  readonly checkedCount: number
  readonly checkedInToday: boolean
  /** The current streak's position in the cycle; 0 once the run is broken. */
  readonly streak: number
  readonly cycleLengthDays: number
  readonly nextReward: NextStreakReward | null
}

/** The streak alive today: the run counts if its last day is today or yesterday. */
export function currentStreak(state: CheckInState, today: DayKey, rules: CheckInRules): number {
  if (state.lastDay === today) return cycleDayOf(state.runLength, rules.cycle)
  return continuesRun(state.lastDay, today, rules.cycle) ? cycleDayOf(state.runLength, rules.cycle) : 0
}

/** Walks forward through daily check-ins until one pays a streak bonus (at most two cycles). */
export function nextStreakReward(state: CheckInState, today: DayKey, rules: CheckInRules): NextStreakReward | null {
  if (!rules.enabled || rules.streakBonuses.length === 0) return null
  let simulated = state
  const firstDay = state.lastDay === today ? addDays(today, 1) : today
  for (let offset = 0; offset < 62; offset += 1) {
    const day = addDays(firstDay, offset)
    const outcome = checkIn({ state: simulated, day, rules })
    if (!outcome.ok) return null
    if (outcome.data.reward.bonusPoints > 0) {
      return {
        inDays: offset + (firstDay === today ? 0 : 1),
        cycleDay: outcome.data.cycleDay,
        points: outcome.data.reward.points,
      }
    }
    simulated = outcome.data.state
  }
  return null
}

/** The month grid: checked days, today, makeup-able days, the streak and the next bonus. */
export function monthCalendar(options: {
  month: MonthKey
  today: DayKey
  checkedDays: ReadonlySet<DayKey>
  state: CheckInState
  rules: CheckInRules
  makeupsUsedThisMonth: number
  usableBalance: number
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

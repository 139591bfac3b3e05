import type { CheckInRules } from '../programme/schema'
import { err, ok, type Result } from '../result'
import type { DayKey } from '../time/calendarDay'
import { type CheckInReward, rewardForCycleDay } from './reward'
import { type CheckInState, continuesRun, cycleDayOf, runLengthWithinCycle } from './state'

/** A successful check-in: the new state, the streak position it reached and what it gives. */
export interface CheckInOutcome {
  readonly state: CheckInState
  readonly cycleDay: number
  readonly reward: CheckInReward
}

/**
 * Checks in on a business day. One check-in per day: a second one that day is ALREADY_CHECKED_IN,
 * and a day before the last check-in (a clock gone backwards) is CHECK_IN_OUT_OF_ORDER. The day
 * after `lastDay` extends the run (for a calendar-month cycle only within the month); any other day
 * starts a new run at 1.
 */
export function checkIn(options: {
  state: CheckInState
  day: DayKey
  rules: CheckInRules
}): Result<CheckInOutcome, 'CHECK_IN_DISABLED' | 'ALREADY_CHECKED_IN' | 'CHECK_IN_OUT_OF_ORDER'> {
  const { state, day, rules } = options
  if (!rules.enabled) return err('CHECK_IN_DISABLED')
  if (state.lastDay === day) return err('ALREADY_CHECKED_IN')
  if (state.lastDay !== null && day < state.lastDay) return err('CHECK_IN_OUT_OF_ORDER')
  const runLength = continuesRun(state.lastDay, day, rules.cycle)
    ? runLengthWithinCycle(state.runLength + 1, day, rules.cycle)
    : 1
  const cycleDay = cycleDayOf(runLength, rules.cycle)
  return ok({ state: { lastDay: day, runLength }, cycleDay, reward: rewardForCycleDay(cycleDay, rules) })
}

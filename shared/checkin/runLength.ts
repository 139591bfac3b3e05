import type { CheckInCycle } from '../programme/schema'
import { addDays, type DayKey } from '../time/calendarDay'
import { type CheckInState, continuesRun } from './state'

/** The longest run the check-in window can hold; counting further back is never needed. */
export const RUN_LOOKBACK_DAYS_MAX = 400

/** Consecutive checked days ending at `day` (0 if `day` itself is not checked). */
export function runLengthEndingAt(checkedDays: ReadonlySet<DayKey>, day: DayKey, cycle: CheckInCycle): number {
  let length = 0
  let current = day
  while (checkedDays.has(current) && length < RUN_LOOKBACK_DAYS_MAX) {
    length += 1
    const previous = addDays(current, -1)
    if (!continuesRun(previous, current, cycle)) break
    current = previous
  }
  return length
}

/**
 * The state after making up a missed day. A makeup can bridge two runs, so the run is recounted
 * from the checked days (which must include the made-up day) rather than incremented.
 */
export function stateAfterMakeup(options: {
  state: CheckInState
  checkedDays: ReadonlySet<DayKey>
  madeUpDay: DayKey
  cycle: CheckInCycle
}): CheckInState {
  const lastDay =
    options.state.lastDay === null || options.madeUpDay > options.state.lastDay
      ? options.madeUpDay
      : options.state.lastDay
  return { lastDay, runLength: runLengthEndingAt(options.checkedDays, lastDay, options.cycle) }
}

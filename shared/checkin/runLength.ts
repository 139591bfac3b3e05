import type { CheckInCycle } from '../programme/schema'
import { addDays, type DayKey } from '../time/calendarDay'
import { type CheckInState, continuesRun, runLengthWithinCycle } from './state'

/**
 * How far back a run is ever counted. The cloud layer keeps about two months of checked days, so
 * this bound is never reached; it only keeps a malformed, huge set from making the count unbounded.
 */
export const RUN_LOOKBACK_DAYS_MAX = 400

/**
 * Consecutive checked days ending at `day` (0 if `day` itself is not checked); a calendar-month run
 * stops at the 1st. The count can only see the days it is given: a run older than `checkedDays`
 * reaches is cut at the oldest day given.
 */
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
 * The state after making up a missed day (which earns the base reward only; see `makeupReward`).
 * What the state knows is kept exactly and only the part it cannot know is counted from
 * `checkedDays` (with or without the made-up day):
 * - a day after `lastDay` becomes the new last day, extending the run when it is the next day;
 * - the day just before the run ending at `lastDay` bridges it to the run before the made-up day,
 *   which is counted from `checkedDays` (so a long earlier run is only counted as far back as the
 *   days given reach);
 * - any other earlier day stands alone and leaves the state as it was.
 */
export function stateAfterMakeup(options: {
  state: CheckInState
  checkedDays: ReadonlySet<DayKey>
  madeUpDay: DayKey
  cycle: CheckInCycle
}): CheckInState {
  const { state, madeUpDay, cycle } = options
  const checkedDays = new Set(options.checkedDays).add(madeUpDay)
  if (state.lastDay === null || madeUpDay > state.lastDay) {
    const runLength = continuesRun(state.lastDay, madeUpDay, cycle)
      ? runLengthWithinCycle(state.runLength + 1, madeUpDay, cycle)
      : runLengthEndingAt(checkedDays, madeUpDay, cycle)
    return { lastDay: madeUpDay, runLength }
  }
  const runStart = addDays(state.lastDay, 1 - state.runLength)
  if (state.runLength <= 0 || !continuesRun(madeUpDay, runStart, cycle)) return state
  const bridged = state.runLength + runLengthEndingAt(checkedDays, madeUpDay, cycle)
  return { lastDay: state.lastDay, runLength: runLengthWithinCycle(bridged, state.lastDay, cycle) }
}

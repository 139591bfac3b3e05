import type { CheckInCycle } from '../programme/schema'
import { calendarDateOf, type DayKey, daysBetween, daysInMonth, monthKeyOf } from '../time/calendarDay'

/** What the member document keeps about check-ins. */
export interface CheckInState {
  /** The last business day checked in, or null before the first check-in. */
  readonly lastDay: DayKey | null
  /** Consecutive checked days ending at `lastDay`; a calendar-month cycle restarts it on the 1st. */
  readonly runLength: number
}

/** A member who never checked in. */
export const INITIAL_CHECK_IN_STATE: CheckInState = { lastDay: null, runLength: 0 }

/** Whether `day` continues a run that reached `previousDay`. */
export function continuesRun(previousDay: DayKey | null, day: DayKey, cycle: CheckInCycle): boolean {
  if (previousDay === null || daysBetween(previousDay, day) !== 1) return false
  return cycle.kind === 'rolling' || monthKeyOf(previousDay) === monthKeyOf(day)
}

/** How many days the cycle containing `day` lasts (a calendar month's length, or the rolling length). */
export function cycleLengthOn(cycle: CheckInCycle, day: DayKey): number {
  if (cycle.kind === 'rolling') return cycle.lengthDays
  const { year, month } = calendarDateOf(day)
  return daysInMonth(year, month)
}

/**
 * A run ending at `day`, cut to what the cycle allows: a calendar-month run cannot have started
 * before the 1st. Only a state written under another cycle (the programme switched from rolling to
 * monthly mid-run) is ever cut, so the streak shown still never exceeds the cycle.
 */
export function runLengthWithinCycle(runLength: number, day: DayKey, cycle: CheckInCycle): number {
  return cycle.kind === 'rolling' ? runLength : Math.min(runLength, calendarDateOf(day).day)
}

/**
 * The streak shown and rewarded: the position of the run's last day in its cycle, from 1 to the
 * cycle's length (0 for no run). A rolling cycle starts over after its last day; a monthly run never
 * outlasts its month, so its position is the run itself.
 */
export function cycleDayOf(runLength: number, cycle: CheckInCycle): number {
  if (runLength <= 0) return 0
  return cycle.kind === 'rolling' ? ((runLength - 1) % cycle.lengthDays) + 1 : runLength
}

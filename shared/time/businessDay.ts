/**
 * Business days: the day a shop counts an instant in. With a cutoff hour of 4, a check-in at 03:59
 * local time still belongs to the previous day. Computed on the wall clock of the programme's time
 * zone, so daylight-saving changes never move the boundary.
 */
import { addDays, calendarDateOf, type DayKey, dayKeyOf } from './calendarDay'
import { instantOfLocal, localDateTimeOf } from './zonedTime'

/** Where and when business days start. */
export interface BusinessDayRule {
  readonly timeZone: string
  /** Local hour (0–23) at which a business day starts. */
  readonly cutoffHour: number
}

/** The business day an instant belongs to. */
export function businessDayOf(instantMs: number, rule: BusinessDayRule): DayKey {
  const local = localDateTimeOf(instantMs, rule.timeZone)
  const calendarDay = dayKeyOf(local)
  return local.hour < rule.cutoffHour ? addDays(calendarDay, -1) : calendarDay
}

/** The first instant of a business day: its cutoff hour on that calendar date, local time. */
export function startOfBusinessDayMs(day: DayKey, rule: BusinessDayRule): number {
  return instantOfLocal({ ...calendarDateOf(day), hour: rule.cutoffHour }, rule.timeZone)
}

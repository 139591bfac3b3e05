import type { QualificationPeriod } from '../programme/schema'
import { addMonths, type DayKey, daysBetween } from '../time/calendarDay'
import { localDayOf, startOfLocalDayMs } from '../time/zonedTime'

/** A qualification period: from the start of `startDay` until the start of `endDay` (exclusive). */
export interface QualificationPeriodSpan {
  readonly startDay: DayKey
  readonly endDay: DayKey
  readonly endsAtMs: number
}

/**
 * The qualification period containing an instant. Calendar-year periods are the same for everyone;
 * rolling periods repeat every N months from the member's anchor day (usually the day they joined).
 */
export function qualificationPeriodAt(options: {
  policy: QualificationPeriod
  nowMs: number
  anchorDay: DayKey
  timeZone: string
}): QualificationPeriodSpan {
  const today = localDayOf(options.nowMs, options.timeZone)
  let startDay: DayKey
  let endDay: DayKey
  if (options.policy.kind === 'calendarYear') {
    const year = Number(today.slice(0, 4))
    startDay = `${year}-01-01`
    endDay = `${year + 1}-01-01`
  } else {
    const months = options.policy.months
    // Jump close to the right period first, then step, so a member of many years costs no loop.
    const monthsSinceAnchor = Math.max(Math.floor(daysBetween(options.anchorDay, today) / 31), 0)
    let periodIndex = Math.floor(monthsSinceAnchor / months)
    while (addMonths(options.anchorDay, (periodIndex + 1) * months) <= today) periodIndex += 1
    startDay = addMonths(options.anchorDay, periodIndex * months)
    endDay = addMonths(options.anchorDay, (periodIndex + 1) * months)
  }
  return { startDay, endDay, endsAtMs: startOfLocalDayMs(endDay, options.timeZone) }
}

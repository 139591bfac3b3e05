/**
 * When earned points expire. Expiry is counted in business days of the programme's time zone, and a
 * lot expires at the start of the business day after its last valid day: the local cutoff hour of
 * that calendar date, so daylight-saving changes and the host's own zone never shift it.
 */
import type { ExpiryPolicy } from '../programme/schema'
import { type BusinessDayRule, businessDayOf, startOfBusinessDayMs } from '../time/businessDay'
import { addDays, calendarDateOf, type DayKey, dayKeyOf } from '../time/calendarDay'

/**
 * The expiry instant of points earned at `earnedAtMs`, or null when they never expire. `afterDays`:
 * earned on business day D, usable through D + days. `endOfFollowingYear`: earned in business-day year
 * Y, usable through 31 December of Y + 1.
 */
export function lotExpiryMs(options: { policy: ExpiryPolicy; earnedAtMs: number } & BusinessDayRule): number | null {
  const { policy, earnedAtMs } = options
  const rule: BusinessDayRule = { timeZone: options.timeZone, cutoffHour: options.cutoffHour }
  switch (policy.kind) {
    case 'never':
      return null
    case 'afterDays':
      return startOfBusinessDayMs(addDays(businessDayOf(earnedAtMs, rule), policy.days + 1), rule)
    case 'endOfFollowingYear': {
      const { year } = calendarDateOf(businessDayOf(earnedAtMs, rule))
      return startOfBusinessDayMs(dayKeyOf({ year: year + 2, month: 1, day: 1 }), rule)
    }
  }
}

/** The last business day points expiring at `expiresAtMs` can be used: what "expire on DATE" shows. */
export function lastValidDayOf(expiresAtMs: number, rule: BusinessDayRule): DayKey {
  return addDays(businessDayOf(expiresAtMs, rule), -1)
}

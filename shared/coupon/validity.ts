import { type BusinessDayRule, businessDayOf, startOfBusinessDayMs } from '../time/businessDay'
import { addDays } from '../time/calendarDay'
import type { CouponTemplate } from './template'

/** When an issued coupon can be used: from `validFromMs` (inclusive) until `validUntilMs` (exclusive). */
export interface CouponValidityWindow {
  readonly validFromMs: number
  readonly validUntilMs: number
}

/**
 * The validity window of a coupon issued at `issuedAtMs`. `fixed`: the template's instants.
 * `afterIssue` N days: from the moment of issue through N business days, the issue day counting as
 * day 1, so a 1-day coupon issued at 23:00 is good until the next business day starts. Counted on the
 * programme's wall clock, so month ends, leap days and the host's zone never shift it.
 */
export function couponValidity(
  options: { template: Pick<CouponTemplate, 'validity'>; issuedAtMs: number } & BusinessDayRule,
): CouponValidityWindow {
  const { validity } = options.template
  switch (validity.kind) {
    case 'fixed':
      return { validFromMs: validity.startsAtMs, validUntilMs: validity.endsAtMs }
    case 'afterIssue': {
      const rule: BusinessDayRule = { timeZone: options.timeZone, cutoffHour: options.cutoffHour }
      const firstDay = businessDayOf(options.issuedAtMs, rule)
      return {
        validFromMs: options.issuedAtMs,
        validUntilMs: startOfBusinessDayMs(addDays(firstDay, validity.days), rule),
      }
    }
  }
}

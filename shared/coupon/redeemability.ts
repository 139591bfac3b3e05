import { err, ok, type Result } from '../result'
import { couponStateAt, type IssuedCoupon } from './couponState'

/** The failures of `redeemability`, in precedence order. */
export type RedeemabilityCode = 'COUPON_USED' | 'COUPON_EXPIRED' | 'COUPON_NOT_STARTED'

/**
 * Whether a coupon can be used at `nowMs`. Precedence: used, then expired, then not started. A used
 * coupon is refused as used even after it lapses, because that is the fact staff must act on (someone
 * is presenting a coupon twice); of the two time failures the permanent one (expired) is reported
 * before the one that goes away by waiting (not started).
 */
export function redeemability(options: { coupon: IssuedCoupon; nowMs: number }): Result<void, RedeemabilityCode> {
  switch (couponStateAt(options)) {
    case 'used':
      return err('COUPON_USED')
    case 'expired':
      return err('COUPON_EXPIRED')
    case 'notYetValid':
      return err('COUPON_NOT_STARTED')
    case 'available':
      return ok(undefined)
  }
}

import type { CouponValidityWindow } from './validity'

/** Where a coupon stands at an instant. */
export type CouponState = 'available' | 'notYetValid' | 'used' | 'expired'

/** An issued coupon as far as its state is concerned; `usedAtMs` is null until it is verified. */
export interface IssuedCoupon extends CouponValidityWindow {
  readonly usedAtMs: number | null
}

/**
 * The state of a coupon at `nowMs`, computed rather than stored, so a coupon shows as expired the
 * moment its window ends without any job running. A used coupon stays `used` after its window ends:
 * the member wants to see it was spent, not that it lapsed.
 */
export function couponStateAt(options: { coupon: IssuedCoupon; nowMs: number }): CouponState {
  const { coupon, nowMs } = options
  if (coupon.usedAtMs !== null) return 'used'
  if (nowMs >= coupon.validUntilMs) return 'expired'
  if (nowMs < coupon.validFromMs) return 'notYetValid'
  return 'available'
}

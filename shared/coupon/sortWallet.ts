import { type CouponState, couponStateAt, type IssuedCoupon } from './couponState'

/** A coupon of the wallet with its state at the time the wallet was sorted. */
export interface CouponWalletEntry<C extends IssuedCoupon> {
  readonly coupon: C
  readonly state: CouponState
}

const STATE_ORDER: Readonly<Record<CouponState, number>> = { available: 0, notYetValid: 1, used: 2, expired: 3 }

/** Within one state, what comes first: the coupon that needs the member's attention soonest. */
const WITHIN_STATE: Readonly<Record<CouponState, (a: IssuedCoupon, b: IssuedCoupon) => number>> = {
  available: (a, b) => a.validUntilMs - b.validUntilMs,
  notYetValid: (a, b) => a.validFromMs - b.validFromMs || a.validUntilMs - b.validUntilMs,
  used: (a, b) => (b.usedAtMs ?? 0) - (a.usedAtMs ?? 0),
  expired: (a, b) => b.validUntilMs - a.validUntilMs,
}

/**
 * The wallet in display order, each coupon with its state at `nowMs`:
 * 1. available, soonest to expire first;
 * 2. not yet valid, soonest to start first (then soonest to expire);
 * 3. used, most recently used first;
 * 4. expired, most recently expired first.
 * Ties keep the order given. The wallet's tabs (可使用 / 已使用 / 已过期) are filters of this list;
 * not-yet-valid coupons belong on the first tab, after the ones usable now.
 */
export function sortWallet<C extends IssuedCoupon>(coupons: readonly C[], nowMs: number): CouponWalletEntry<C>[] {
  return coupons
    .map((coupon) => ({ coupon, state: couponStateAt({ coupon, nowMs }) }))
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || WITHIN_STATE[a.state](a.coupon, b.coupon))
}

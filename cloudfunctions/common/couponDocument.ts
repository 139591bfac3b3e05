import type { WalletCoupon } from '@shared/contracts'
import { type Coupon, couponStateAt, couponStoreIds } from '@shared/coupon'

/** `coupons/{id}`: one issued coupon, as `shared/coupon` defines it (see `Coupon`). */
export type CouponDocument = Coupon

/** A coupon as the wallet shows it, with its state at `nowMs`. */
export function walletCouponOf(coupon: CouponDocument, nowMs: number): WalletCoupon {
  return {
    id: coupon._id,
    templateId: coupon.templateId,
    title: coupon.title,
    description: coupon.description,
    benefit: coupon.benefit,
    validFromMs: coupon.validFromMs,
    validUntilMs: coupon.validUntilMs,
    state: couponStateAt({ coupon, nowMs }),
    usedAtMs: coupon.usedAtMs,
    source: coupon.source,
    issuedAtMs: coupon.issuedAtMs,
    storeIds: couponStoreIds(coupon),
  }
}

import { API, type CouponPreview } from '@shared/contracts'
import { discountFor, redeemability } from '@shared/coupon'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { defineAction } from '../../common/router'
import { loadOwnCoupon } from './ownCoupon'

/**
 * `coupon.preview`: what one of the caller's usable coupons would take off an order, or why it would
 * not apply (COUPON_THRESHOLD_NOT_MET with the shortfall, or the coupon's own state). One request.
 */
export const preview = defineAction(API.coupon.preview, async (input, caller) => {
  const coupon = await loadOwnCoupon(database(), caller, input.couponId)
  if (!coupon.ok) return coupon
  const usable = redeemability({ coupon: coupon.data, nowMs: caller.nowMs })
  if (!usable.ok) return usable
  const discount = discountFor({ benefit: coupon.data.benefit, orderAmountFen: input.orderAmountFen })
  if (!discount.ok) return discount
  const result: CouponPreview = {
    couponId: coupon.data._id,
    orderAmountFen: input.orderAmountFen,
    discountFen: discount.data.discountFen,
    payableFen: discount.data.payableFen,
  }
  return ok(result)
})

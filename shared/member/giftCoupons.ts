import type { Gift } from '../programme/schema'

/** One coupon a gift gives: the template, and the coupon's id, which makes issuing it once-only. */
export interface GiftCoupon {
  readonly templateId: string
  readonly key: string
}

/**
 * The coupons of a gift, each keyed by the gift's own key and the template: a replay, a race or a
 * rerun of the same gift derives the same coupon ids, so the database's unique `_id` lets one through.
 */
export function giftCouponsOf(gift: Gift, giftKey: string): readonly GiftCoupon[] {
  return [...new Set(gift.couponTemplateIds)].map((templateId) => ({ templateId, key: `${giftKey}_${templateId}` }))
}

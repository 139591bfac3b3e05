/** Why a gift coupon was not issued: its template is gone, retired, or its total is reached. */
export type GiftCouponSkip = 'COUPON_NOT_FOUND' | 'COUPON_RETIRED' | 'SOLD_OUT'

/** What became of one gift coupon (join or upgrade): its id, or why none. The event stands either way. */
export interface GiftCouponOutcome {
  readonly templateId: string
  readonly couponId: string | null
  readonly skipped: GiftCouponSkip | null
}

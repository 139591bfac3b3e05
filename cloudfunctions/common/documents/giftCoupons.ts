import type { CouponSource } from '@shared/coupon'

/**
 * `gift_coupons_due/{key}`: a gift's coupon that its event made due and that is not issued yet. The
 * event's unit of work writes it, so a crash between the commit and the coupon loses nothing: the
 * `deliverGiftCoupons` job issues whatever is still due. The id is the coupon's own key, so the
 * coupon is issued once whoever delivers it.
 */
export interface GiftCouponDueDocument {
  readonly _id: string
  readonly memberId: string
  readonly templateId: string
  readonly source: CouponSource
  readonly dueAtMs: number
}

import type { GiftCouponOutcome } from '@shared/contracts'
import type { CouponSource } from '@shared/coupon'
import type { GiftCoupon } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from './cloud'
import { grantCoupon } from './grantCoupon'

/**
 * Issues a gift's coupons once its event has committed, all at once, by `grantCoupon`: each coupon's
 * id is its gift key, so a replay or a twin issues none twice, and each takes the template's total by
 * the hot-counter reservation. That reservation is a conditional update, which cannot run inside the
 * event's transaction; so the coupon follows the commit instead of joining it. A missing, retired or
 * sold-out template skips the coupon: the answer says so and the log keeps it for the admin.
 */
export async function issueGiftCoupons(
  db: Database,
  gift: {
    readonly memberId: string
    readonly coupons: readonly GiftCoupon[]
    readonly source: CouponSource
    readonly programme: Programme
    readonly nowMs: number
  },
): Promise<readonly GiftCouponOutcome[]> {
  return Promise.all(
    gift.coupons.map(async ({ templateId, key }): Promise<GiftCouponOutcome> => {
      const { memberId, source, programme, nowMs } = gift
      const granted = await grantCoupon(db, { memberId, templateId, key, source, programme, nowMs })
      if (granted.ok) return { templateId, couponId: granted.data.coupon._id, skipped: null }
      console.warn(`gift coupon ${key} skipped: ${granted.code}`)
      return { templateId, couponId: null, skipped: granted.code }
    }),
  )
}

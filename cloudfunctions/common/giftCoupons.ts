import type { GiftCouponOutcome } from '@shared/contracts'
import type { CouponSource } from '@shared/coupon'
import type { GiftCoupon } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from './cloud'
import type { GiftCouponDueDocument } from './documents/giftCoupons'
import { grantCoupon } from './grantCoupon'
import type { UnitOfWork } from './unitOfWork'

/** A gift's coupons for one member, made due by one event (a join, an upgrade). */
export interface GiftCouponsDue {
  readonly memberId: string
  readonly coupons: readonly GiftCoupon[]
  readonly source: CouponSource
  readonly nowMs: number
}

/**
 * Records a gift's coupons as due inside the event's unit of work, one document each (a set, not an
 * add: a unit of work run again writes the same documents). The coupons themselves cannot join that
 * transaction: each takes the template's total by the hot-counter reservation, a conditional update
 * that no transaction can hold. So the event commits its gift as due, and `issueGiftCoupons` follows
 * the commit; what a crash leaves due, `deliverGiftCoupons` issues.
 */
export function recordGiftCouponsDue(unit: UnitOfWork, due: GiftCouponsDue): void {
  for (const { templateId, key } of due.coupons) {
    const document: GiftCouponDueDocument = {
      _id: key,
      memberId: due.memberId,
      templateId,
      source: due.source,
      dueAtMs: due.nowMs,
    }
    unit.replace('gift_coupons_due', document)
  }
}

/**
 * Issues due gift coupons, all at once, by `grantCoupon`: each coupon's id is its gift key, so a
 * replay, a twin or the delivery job issues none twice, and each takes the template's total by the
 * hot-counter reservation. Each answered grant (issued, issued before, or refused for good: a
 * missing, retired or sold-out template, which the answer says and the log keeps for the admin)
 * removes its due document; a grant that throws leaves it due for the job to try again.
 * Requests per coupon: `grantCoupon`'s, then the removal (1).
 */
export async function issueGiftCoupons(
  db: Database,
  due: GiftCouponsDue & { readonly programme: Programme },
): Promise<readonly GiftCouponOutcome[]> {
  const { memberId, source, programme, nowMs } = due
  return Promise.all(
    due.coupons.map(async ({ templateId, key }): Promise<GiftCouponOutcome> => {
      const granted = await grantCoupon(db, { memberId, templateId, key, source, programme, nowMs })
      await db.collection('gift_coupons_due').doc(key).remove()
      if (granted.ok) return { templateId, couponId: granted.data.coupon._id, skipped: null }
      console.warn(`gift coupon ${key} skipped: ${granted.code}`)
      return { templateId, couponId: null, skipped: granted.code }
    }),
  )
}

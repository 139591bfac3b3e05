import type { Result } from '@shared/result'
import { err, ok } from '@shared/result'
import type { Caller } from '../../common/caller'
import type { Database } from '../../common/cloud'
import type { CouponDocument } from '../../common/couponDocument'
import { readDocument } from '../../common/readDocument'
import { callerMemberId } from '../../common/requireMember'

/**
 * One of the caller's coupons, by id. Someone else's coupon answers COUPON_NOT_FOUND, exactly like a
 * missing one, so ids cannot be probed for coupons that exist. One database request.
 */
export async function loadOwnCoupon(
  db: Database,
  caller: Caller,
  couponId: string,
): Promise<Result<CouponDocument, 'FORBIDDEN' | 'COUPON_NOT_FOUND'>> {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const coupon = await readDocument<CouponDocument>(db.collection('coupons').doc(couponId))
  if (!coupon || coupon.memberId !== memberId.data) return err('COUPON_NOT_FOUND')
  return ok(coupon)
}

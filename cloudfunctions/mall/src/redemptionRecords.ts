import type { ActionErrorCode, Redemption } from '@shared/contracts'
import { type Redeemed, redemptionEntryKeyOf } from '@shared/mall'
import type { Result } from '@shared/result'
import { err, ok } from '@shared/result'
import type { Database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { readDocument } from '../../common/readDocument'
import type { UnitOfWork } from '../../common/unitOfWork'
import { orderViewOf } from './documents'

/** Reads single documents by id, the same way in a unit of work (`unit.read`) and out of one (`readerOf`). */
export type DocumentReader = UnitOfWork['read']

/** A reader over the database outside any transaction. */
export function readerOf(db: Database): DocumentReader {
  return (name, id) => readDocument(db.collection(name).doc(id))
}

/** How the member sees what a redemption created. */
export function redemptionViewOf(created: Redeemed, nowMs: number): Redemption {
  return created.kind === 'pickup'
    ? { kind: 'pickup', order: orderViewOf(created.order) }
    : { kind: 'coupon', coupon: walletCouponOf(created.coupon, nowMs) }
}

/** What an earlier redemption with this id produced, for a replayed request. */
export interface EarlierRedemption {
  readonly pointsSpent: number
  readonly redemption: Redemption
}

/**
 * Whether the request already redeemed: null when it did not; its redemption when it did, for this
 * item; REQUEST_ID_REUSED when the same request id redeemed another item (a client bug, answered
 * rather than silently returning the other item). The spend entry is the marker for both kinds of
 * item, so a request id reused across a pickup and a coupon item is caught too.
 */
export async function earlierRedemption(
  read: DocumentReader,
  options: { readonly redemptionId: string; readonly itemId: string; readonly nowMs: number },
): Promise<Result<EarlierRedemption, ActionErrorCode<'mall', 'redeem'>> | null> {
  const { redemptionId, itemId, nowMs } = options
  const entry = await read('ledger', redemptionEntryKeyOf(redemptionId))
  if (!entry) return null
  if (entry.source !== `redeem:${itemId}`) return err('REQUEST_ID_REUSED', '该请求编号已兑换过其他商品')
  const [order, coupon] = await Promise.all([read('orders', redemptionId), read('coupons', redemptionId)])
  const created: Redeemed | null = order ? { kind: 'pickup', order } : coupon ? { kind: 'coupon', coupon } : null
  // The entry, the order or coupon and the member are written in one transaction: one without the other is corruption.
  if (!created) throw new Error(`${entry._id} exists without its order or coupon`)
  return ok({ pointsSpent: -entry.amount, redemption: redemptionViewOf(created, nowMs) })
}

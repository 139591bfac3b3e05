import type { ActionErrorCode, Redemption } from '@shared/contracts'
import type { LedgerEntry } from '@shared/member'
import type { Result } from '@shared/result'
import { err, ok } from '@shared/result'
import type { Transaction } from '../../common/cloud'
import { type CouponDocument, walletCouponOf } from '../../common/couponDocument'
import type { OrderDocument } from '../../common/documents/mall'
import { readDocument } from '../../common/readDocument'
import { orderViewOf } from './documents'

/** Reads single documents by id, the same way in and out of a transaction. */
export type DocumentSource = Pick<Transaction, 'collection'>

/** The ledger key of a redemption's spend: its presence means the request already redeemed. */
export function redemptionEntryKeyOf(redemptionId: string): string {
  return `redeem_${redemptionId}`
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
  source: DocumentSource,
  options: { readonly redemptionId: string; readonly itemId: string; readonly nowMs: number },
): Promise<Result<EarlierRedemption, ActionErrorCode<'mall', 'redeem'>> | null> {
  const { redemptionId, itemId, nowMs } = options
  const entry = await readDocument<LedgerEntry>(source.collection('ledger').doc(redemptionEntryKeyOf(redemptionId)))
  if (!entry) return null
  if (entry.source !== `redeem:${itemId}`) return err('REQUEST_ID_REUSED', '该请求编号已兑换过其他商品')
  const [order, coupon] = await Promise.all([
    readDocument<OrderDocument>(source.collection('orders').doc(redemptionId)),
    readDocument<CouponDocument>(source.collection('coupons').doc(redemptionId)),
  ])
  const redemption: Redemption | null = order
    ? { kind: 'pickup', order: orderViewOf(order) }
    : coupon
      ? { kind: 'coupon', coupon: walletCouponOf(coupon, nowMs) }
      : null
  // The entry, the order or coupon and the member are written in one transaction: one without the other is corruption.
  if (!redemption) throw new Error(`${entry._id} exists without its order or coupon`)
  return ok({ pointsSpent: -entry.amount, redemption })
}

import type { ActionErrorCode } from '@shared/contracts'
import { API, type CancelOrderResult } from '@shared/contracts'
import { draftEntry, lotExpiryMs, usableBalance } from '@shared/ledger'
import { orderCancellability, refundSpend } from '@shared/mall'
import type { LedgerEntry, Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from '../../common/cloud'
import type { OrderDocument, RedemptionCounterDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { orderViewOf, redemptionCounterIdOf } from './documents'
import { releaseUnit } from './stock'

/** The ledger key of a cancelled order's refund: written once per order, whatever the retries. */
export function cancelEntryKeyOf(orderId: string): string {
  return `cancel_${orderId}`
}

interface Cancelled {
  readonly result: Result<CancelOrderResult, ActionErrorCode<'mall', 'cancelOrder'>>
  /** Whether this call cancelled the order, so its unit goes back to stock (once). */
  readonly returnUnit: boolean
}

async function cancelInTransaction(
  transaction: Transaction,
  options: {
    readonly memberId: string
    readonly orderId: string
    readonly programme: Programme
    readonly nowMs: number
  },
): Promise<Cancelled> {
  const { memberId, orderId, programme, nowMs } = options
  const orderReference = transaction.collection('orders').doc(orderId)
  const memberReference = transaction.collection('members').doc(memberId)
  const [order, member] = await Promise.all([
    readDocument<OrderDocument>(orderReference),
    readDocument<Member>(memberReference),
  ])
  // Someone else's order answers as a missing one: order ids are not secrets, but they are not an API either.
  if (!order || order.memberId !== memberId) return { result: err('ORDER_NOT_FOUND'), returnUnit: false }
  if (!member) return { result: err('NOT_A_MEMBER'), returnUnit: false }
  const cancellability = orderCancellability(order.status)
  if (!cancellability.ok) return { result: cancellability, returnUnit: false }
  if (cancellability.data.alreadyCancelled) {
    return {
      result: ok({
        order: orderViewOf(order),
        alreadyCancelled: true,
        refundedPoints: 0,
        balance: usableBalance(member.points, nowMs),
      }),
      returnUnit: false,
    }
  }
  const counterReference = transaction.collection('redemptions').doc(redemptionCounterIdOf(memberId, order.itemId))
  const counter = await readDocument<RedemptionCounterDocument>(counterReference)
  const refund = refundSpend(member.points, {
    spentLotChanges: order.lotChanges,
    nowMs,
    fallbackExpiresAtMs: lotExpiryMs({
      policy: programme.pointsExpiry,
      earnedAtMs: nowMs,
      ...businessDayRuleOf(programme),
    }),
  })
  const entryKey = cancelEntryKeyOf(order._id)
  const draft = draftEntry('earn', refund, {
    source: `cancel:${order._id}`,
    operatorId: null,
    idempotencyKey: entryKey,
    createdAtMs: nowMs,
    reason: null,
  })
  const entry: LedgerEntry = { _id: entryKey, memberId, ...draft, lotChanges: [...draft.lotChanges] }
  const cancelledOrder: OrderDocument = { ...order, status: 'cancelled', cancelledAtMs: nowMs }
  const { _id: orderKey, ...orderFields } = cancelledOrder
  const { _id: memberKey, ...memberFields } = { ...member, points: refund.wallet }
  const counterFields: RedemptionCounterDocument = {
    memberId,
    itemId: order.itemId,
    count: Math.max((counter?.count ?? 0) - 1, 0),
    updatedAtMs: nowMs,
  }
  await Promise.all([
    transaction.collection('ledger').add({ data: { ...entry } }),
    orderReference.set({ data: { ...orderFields } }),
    memberReference.set({ data: memberFields }),
    counterReference.set({ data: { ...counterFields } }),
  ])
  return {
    result: ok({
      order: orderViewOf(cancelledOrder),
      alreadyCancelled: false,
      refundedPoints: draft.amount,
      balance: usableBalance(refund.wallet, nowMs),
    }),
    returnUnit: true,
  }
}

/**
 * `mall.cancelOrder`: cancels an unclaimed pickup order. One transaction over the member's own
 * documents (order, member, counter, refund entry) refunds the points to the lots they came from
 * and frees the per-member limit; the order's status makes it happen once however many cancels
 * race (the others see it cancelled and answer `alreadyCancelled`). The unit goes back to stock
 * after the commit, only from the call that cancelled; a crash in between leaves the item
 * undersold by one, for the reconciliation job.
 *
 * Requests: start, order and member, counter, 4 writes, commit (9); giving the unit back (1): 10.
 */
export const cancelOrder = defineAction(API.mall.cancelOrder, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const cancelled = await db.runTransaction(
    (transaction) =>
      cancelInTransaction(transaction, {
        memberId: memberId.data,
        orderId: input.orderId,
        programme,
        nowMs: caller.nowMs,
      }),
    TRANSACTION_ATTEMPTS_MAX,
  )
  if (cancelled.returnUnit && cancelled.result.ok) await releaseUnit(db, cancelled.result.data.order.itemId)
  return cancelled.result
})

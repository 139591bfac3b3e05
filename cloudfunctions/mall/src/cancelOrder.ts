import type { ActionErrorCode } from '@shared/contracts'
import { API, type CancelOrderResult } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import {
  type CancellationDecision,
  decideCancellation,
  orderCountsTowardLimit,
  type PickupOrder,
  type RedemptionCounter,
  redemptionCounterIdOf,
} from '@shared/mall'
import type { Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { ok, type Result } from '@shared/result'
import { type Database, database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { orderViewOf } from './documents'
import { returnUnit } from './stock'

type CancelAnswer = Result<CancelOrderResult, ActionErrorCode<'mall', 'cancelOrder'>>

interface Cancelling {
  readonly memberId: string
  readonly orderId: string
  readonly programme: Programme
  readonly nowMs: number
}

/** How the member sees a decided cancellation. */
function answerOf(decision: CancellationDecision, nowMs: number): CancelAnswer {
  return ok({
    order: orderViewOf(decision.order),
    alreadyCancelled: decision.alreadyCancelled,
    refundedPoints: decision.alreadyCancelled ? 0 : decision.entry.amount,
    balance: usableBalance(decision.member.points, nowMs),
  })
}

/**
 * The unit of work over the member's own documents: order and member (at once), the counter when
 * the order was counted on one, then the refund entry, order, member and counter written at once.
 * Requests: start, 2 reads, counter (1, for an item with a limit), 3 or 4 writes, commit: 7 or 9.
 */
function cancelInUnit(db: Database, cancelling: Cancelling): Promise<CancelAnswer> {
  const { memberId, orderId, nowMs } = cancelling
  return runUnitOfWork(db, async (unit) => {
    const [order, member] = await Promise.all([unit.read('orders', orderId), unit.read('members', memberId)])
    const counter = await counterOf(unit.read, { order, member, memberId })
    const decided = decideCancellation({ order, member, counter }, cancelling)
    if (!decided.ok) return decided
    if (!decided.data.alreadyCancelled) {
      unit.create('ledger', decided.data.entry)
      unit.replace('orders', decided.data.order)
      unit.replace('members', decided.data.member)
      if (decided.data.counter) unit.replace('redemptions', decided.data.counter)
    }
    return answerOf(decided.data, nowMs)
  })
}

/** The counter a cancel counts off: read only for the caller's own order that was counted on one. */
async function counterOf(
  read: UnitOfWork['read'],
  state: { readonly order: PickupOrder | null; readonly member: Member | null; readonly memberId: string },
): Promise<RedemptionCounter | null> {
  const { order, member, memberId } = state
  const cancels = order?.memberId === memberId && member !== null && order.status === 'awaitingPickup'
  return cancels && orderCountsTowardLimit(order)
    ? read('redemptions', redemptionCounterIdOf(memberId, order.itemId))
    : null
}

/**
 * `mall.cancelOrder`: cancels an unclaimed pickup order. One unit of work over the member's own
 * documents (order, member, counter, refund entry) refunds the points to the lots they came from
 * and frees the per-member limit; the order's status makes it happen once however many cancels
 * race (the others see it cancelled, or find the refund entry taken and run again, and answer `alreadyCancelled`).
 * The unit goes back to stock after the commit, only from the call that cancelled; a crash in
 * between leaves the item undersold by one, for the reconciliation job.
 *
 * Requests: the unit of work (9 for an item with a limit, 7 without), giving the unit back (1): 10 or 8.
 */
export const cancelOrder = defineAction(API.mall.cancelOrder, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const answer = await cancelInUnit(db, {
    memberId: memberId.data,
    orderId: input.orderId,
    programme,
    nowMs: caller.nowMs,
  })
  if (answer.ok && !answer.data.alreadyCancelled) await returnUnit(db, answer.data.order.itemId)
  return answer
})

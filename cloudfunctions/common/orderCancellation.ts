import {
  type CancellationDecision,
  decideCancellation,
  type OrderCancelledBy,
  orderCountsTowardLimit,
  type PickupOrder,
  type RedemptionCounter,
  redemptionCounterIdOf,
} from '@shared/mall'
import type { Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Result } from '@shared/result'
import type { Database } from './cloud'
import { settleCounter } from './reservation'
import { runUnitOfWork, type UnitOfWork } from './unitOfWork'

/** Why an order was not cancelled: not the member's (or missing), the member gone, or already picked up. */
export type CancellationRefusal = 'ORDER_NOT_FOUND' | 'NOT_A_MEMBER' | 'ORDER_NOT_CANCELLABLE'

/** An order to cancel for its member, by the member or by the expiry job. */
export interface OrderCancelling {
  readonly memberId: string
  readonly orderId: string
  readonly programme: Programme
  readonly nowMs: number
  readonly by: OrderCancelledBy
}

/** The counter a cancel counts off: read only for the member's own waiting order that was counted on one. */
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
 * The unit of work over the member's own documents: order and member (at once), the counter when
 * the order was counted on one, then the refund entry, order, member and counter written at once.
 * The order's status (read in the transaction, so a pickup verified meanwhile conflicts it) and the
 * refund entry's id (`cancel_<orderId>`, whoever cancels) make it happen once however many cancels
 * race. Requests: start, 2 reads, counter (1, for an item with a limit), 3 or 4 writes, commit: 7 or 9.
 */
function cancelInUnit(
  db: Database,
  cancelling: OrderCancelling,
): Promise<Result<CancellationDecision, CancellationRefusal>> {
  const { memberId, orderId } = cancelling
  return runUnitOfWork(db, async (unit) => {
    const [order, member] = await Promise.all([unit.read('orders', orderId), unit.read('members', memberId)])
    const counter = await counterOf(unit.read, { order, member, memberId })
    const decided = decideCancellation({ order, member, counter }, cancelling)
    if (decided.ok && !decided.data.alreadyCancelled) {
      unit.createLedgerEntry(decided.data.entry, decided.data.member.joinedStoreId)
      unit.tally({ storeId: decided.data.member.joinedStoreId, atMs: cancelling.nowMs }, { redemptionsCancelled: 1 })
      unit.replace('orders', decided.data.order)
      unit.replace('members', decided.data.member)
      if (decided.data.counter) unit.replace('redemptions', decided.data.counter)
    }
    return decided
  })
}

/** Gives a cancelled order's unit back to stock (logged, not thrown, when it fails: see `settleCounter`). */
export function returnUnit(db: Database, itemId: string): Promise<void> {
  const _ = db.command
  return settleCounter(`give a unit of ${itemId} back`, () =>
    db
      .collection('mall_items')
      .doc(itemId)
      .update({ data: { stock: _.inc(1), sold: _.inc(-1) } }),
  )
}

/**
 * Cancels a pickup order: points back to the lots they came from and the per-member limit freed in
 * one unit of work, then the unit back to stock after the commit, only from the call that cancelled
 * (a crash in between leaves the item undersold by one, for `reconcileStock`). The member's cancel
 * and the expiry job both come here. Requests: the unit of work (9, or 7 without a limit), the unit
 * back (1): 10 or 8.
 */
export async function cancelPickupOrder(
  db: Database,
  cancelling: OrderCancelling,
): Promise<Result<CancellationDecision, CancellationRefusal>> {
  const decided = await cancelInUnit(db, cancelling)
  if (decided.ok && !decided.data.alreadyCancelled) await returnUnit(db, decided.data.order.itemId)
  return decided
}

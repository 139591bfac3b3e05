import type { LotChange } from '../ledger'
import { err, ok, type Result } from '../result'

/** Where a pickup order stands: waiting at the counter, collected, or cancelled. */
export type OrderStatus = 'awaitingPickup' | 'pickedUp' | 'cancelled'

/** Who cancelled an order: the member, or the `expireOrders` job once its pickup window had passed. */
export type OrderCancelledBy = 'member' | 'expiry'

/**
 * Whether a member may cancel a pickup order: only while it waits at the counter. A cancelled order
 * answers `alreadyCancelled` rather than a failure, so a double tap on 取消 reads as one cancel.
 */
export function orderCancellability(
  status: OrderStatus,
): Result<{ readonly alreadyCancelled: boolean }, 'ORDER_NOT_CANCELLABLE'> {
  switch (status) {
    case 'awaitingPickup':
      return ok({ alreadyCancelled: false })
    case 'cancelled':
      return ok({ alreadyCancelled: true })
    case 'pickedUp':
      return err('ORDER_NOT_CANCELLABLE')
  }
}

/**
 * A pickup order as stored (`orders/{redemptionId}`). It keeps the spend's lot changes, so a cancel
 * gives each point back to the lot (and expiry) it came from without reading the ledger.
 */
export interface PickupOrder {
  readonly _id: string
  readonly memberId: string
  readonly itemId: string
  readonly title: string
  readonly image: string | null
  readonly pointsSpent: number
  readonly lotChanges: readonly LotChange[]
  /** Eight digits, unique across all orders (a unique index): what staff verify at the counter. */
  readonly pickupCode: string
  readonly status: OrderStatus
  readonly requestId: string
  readonly createdAtMs: number
  readonly pickedUpAtMs: number | null
  readonly pickedUpBy: string | null
  readonly pickedUpStoreId: string | null
  readonly cancelledAtMs: number | null
  /** Who cancelled it; absent on orders cancelled before the job existed, all of which members cancelled. */
  readonly cancelledBy?: OrderCancelledBy
  /**
   * Whether the order was counted on the member's per-member counter (its item had a limit), so a
   * cancel knows whether to count it off. Absent on orders written before items could be unlimited,
   * all of which were counted.
   */
  readonly countsTowardLimit?: boolean
}

/** Whether cancelling an order counts it off the member's per-member counter for its item. */
export function orderCountsTowardLimit(order: Pick<PickupOrder, 'countsTowardLimit'>): boolean {
  return order.countsTowardLimit !== false
}

import { draftEntry, lotExpiryMs } from '../ledger'
import type { LedgerEntry, Member } from '../member'
import { businessDayRuleOf } from '../programme/businessDayRule'
import type { Programme } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { countedRedemptions, type RedemptionCounter } from './counter'
import { type OrderCancelledBy, orderCancellability, orderCountsTowardLimit, type PickupOrder } from './order'
import { refundSpend } from './refund'

/** The ledger key of a cancelled order's refund: written once per order, whatever the retries. */
export function cancelEntryKeyOf(orderId: string): string {
  return `cancel_${orderId}`
}

/** What a cancellation changes; an order cancelled before changes nothing and says so. */
export type CancellationDecision =
  | { readonly alreadyCancelled: true; readonly order: PickupOrder; readonly member: Member }
  | {
      readonly alreadyCancelled: false
      readonly order: PickupOrder
      readonly member: Member
      /** The refund: every point back to the lot it was spent from. */
      readonly entry: LedgerEntry
      /** The per-member counter one lower; null when the order was never counted (an item without a limit). */
      readonly counter: RedemptionCounter | null
    }

/** What a cancellation reads: the order, the member, and the counter when the order counts toward one. */
export interface CancellationState {
  readonly order: PickupOrder | null
  readonly member: Member | null
  readonly counter: RedemptionCounter | null
}

/** Whose cancellation it is and as of when; `by` defaults to the member. */
export interface CancellationOptions {
  readonly memberId: string
  readonly programme: Programme
  readonly nowMs: number
  readonly by?: OrderCancelledBy
}

/**
 * A member cancels their pickup order (or the expiry job does, for them, with `by: 'expiry'`): refused for someone else's order (as a missing one: order
 * ids are not secrets, but they are not an API either), then for a missing member, then for an order
 * already picked up. A cancelled order answers `alreadyCancelled`; otherwise the order is cancelled,
 * the points go back to their lots (expired lots get the programme's expiry for points earned now)
 * and a counted order is counted off. Precedence: ORDER_NOT_FOUND, NOT_A_MEMBER, ORDER_NOT_CANCELLABLE.
 */
export function decideCancellation(
  state: CancellationState,
  options: CancellationOptions,
): Result<CancellationDecision, 'ORDER_NOT_FOUND' | 'NOT_A_MEMBER' | 'ORDER_NOT_CANCELLABLE'> {
  const { order, member } = state
  const { memberId, programme, nowMs } = options
  if (!order || order.memberId !== memberId) return err('ORDER_NOT_FOUND')
  if (!member) return err('NOT_A_MEMBER')
  const cancellability = orderCancellability(order.status)
  if (!cancellability.ok) return cancellability
  if (cancellability.data.alreadyCancelled) return ok({ alreadyCancelled: true, order, member })
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
  return ok({
    alreadyCancelled: false,
    order: { ...order, status: 'cancelled', cancelledAtMs: nowMs, cancelledBy: options.by ?? 'member' },
    member: { ...member, points: refund.wallet },
    entry: { _id: entryKey, memberId, ...draft, lotChanges: [...draft.lotChanges] },
    counter: orderCountsTowardLimit(order)
      ? countedRedemptions(state.counter, { memberId, itemId: order.itemId, step: -1, nowMs })
      : null,
  })
}

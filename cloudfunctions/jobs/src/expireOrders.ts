import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { expiredOrdersCreatedByMs, isOrderExpired, type PickupOrder } from '@shared/mall'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'
import { cancelPickupOrder } from '../../common/orderCancellation'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

/** Orders read per batch (CloudBase answers at most 1000 per get on the server). */
export const ORDER_EXPIRY_BATCH_SIZE = 200
/** Orders cancelled at once within a batch: each is its own member's unit of work. */
const ORDER_EXPIRY_PARALLELISM = 10

/** What cancelling one order did: cancelled (with the points refunded), or left (picked up or cancelled meanwhile). */
interface OrderOutcome {
  readonly cancelled: boolean
  readonly points: number
}

/**
 * Cancels one expired order exactly as the member's cancel does (`cancelPickupOrder`, on fresh
 * reads in its own unit of work), for the order's member. An order the member cancelled, or staff
 * handed over, since the batch was read is left: the decision sees its status (a verification
 * landing during the unit conflicts the transaction, which then reads it picked up), and the refund
 * entry `cancel_<orderId>` is the member's cancel's too, so no order is refunded twice.
 */
async function expireOrder(
  db: Database,
  order: PickupOrder,
  options: { readonly programme: Programme; readonly nowMs: number },
): Promise<OrderOutcome> {
  const decided = await cancelPickupOrder(db, {
    memberId: order.memberId,
    orderId: order._id,
    programme: options.programme,
    nowMs: options.nowMs,
    by: 'expiry',
  })
  if (!decided.ok || decided.data.alreadyCancelled) return { cancelled: false, points: 0 }
  return { cancelled: true, points: decided.data.entry.amount }
}

/** The batch's figures: every order cancelled is one refund entry; the others were left. */
function summaryOf(outcomes: readonly OrderOutcome[]): JobSummary {
  const cancelled = outcomes.filter((outcome) => outcome.cancelled)
  return {
    ...EMPTY_JOB_SUMMARY,
    scanned: outcomes.length,
    affected: cancelled.length,
    effects: cancelled.length,
    points: cancelled.reduce((sum, outcome) => sum + outcome.points, 0),
    skipped: outcomes.length - cancelled.length,
  }
}

/**
 * The next batch of `expireOrders` after `cursor`: pickup orders in id order still waiting at the
 * counter and created at or before the end of the pickup window (one query on the status and
 * creation time index, so the database returns candidates only), each cancelled in its own unit of
 * work (points back to their lots, the limit freed, the unit back on sale), or, in a dry run, only
 * counted, with the points each would refund. Requests: 1 for the batch, and per order cancelled the
 * cancel's 8 or 10 (see `cancelPickupOrder`).
 */
export const expireOrdersBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, programme, dryRun } = options
  const _ = db.command
  const { data } = await db
    .collection('orders')
    .where({
      status: 'awaitingPickup',
      createdAtMs: _.lte(expiredOrdersCreatedByMs(programme, nowMs)),
      _id: _.gt(cursor ?? ''),
    })
    .orderBy('_id', 'asc')
    .limit(ORDER_EXPIRY_BATCH_SIZE)
    .get()
  const orders = (data as PickupOrder[]).filter((order) => isOrderExpired(order, programme, nowMs))
  const outcomes = await mapInSlices(orders, ORDER_EXPIRY_PARALLELISM, async (order) =>
    dryRun ? { cancelled: true, points: order.pointsSpent } : expireOrder(db, order, { programme, nowMs }),
  )
  return {
    cursor: data.at(-1)?._id ?? cursor,
    done: data.length < ORDER_EXPIRY_BATCH_SIZE,
    summary: summaryOf(outcomes),
  }
}

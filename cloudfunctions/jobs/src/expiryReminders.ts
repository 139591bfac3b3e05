import type { JobSummary } from '@shared/jobs'
import { expiredOrdersCreatedByMs } from '@shared/mall'
import type { Member } from '@shared/member'
import { dueCouponReminder, duePickupReminder, duePointsReminders, reminderWindowEndMs } from '@shared/messages'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Database } from '../../common/cloud'
import type { CouponDocument } from '../../common/couponDocument'
import { documentsByIds } from './documentsByIds'
import type { BatchOptions, BatchOutcome, JobBatch } from './jobBatch'
import { deliverReminders, type ReminderTarget } from './reminderDelivery'

/** Members, or coupons, read per batch. */
export const REMINDER_BATCH_SIZE = 200

/**
 * The run goes through members (their points lots), then coupons, then pickup orders, each by id:
 * the cursor says which, `points:<last member id>`, `coupons:<last coupon id>` or
 * `pickups:<last order id>` (null: the start).
 */
const POINTS_PHASE = 'points:'
const COUPONS_PHASE = 'coupons:'
const PICKUPS_PHASE = 'pickups:'

function summaryOf(scanned: number, delivered: JobSummary): JobSummary {
  return { ...delivered, scanned, invocations: 0 }
}

/** The query condition for an instant within the reminder window (after now, by its end), and its end. */
function windowOf(db: Database, options: BatchOptions): { readonly within: unknown; readonly windowEndMs: number } {
  const windowEndMs = reminderWindowEndMs(options.nowMs, options.programme.automation.expiryReminderDays)
  return { within: db.command.gt(options.nowMs).and(db.command.lte(windowEndMs)), windowEndMs }
}

/** Members after `after` holding a lot that expires within the window (the database picks candidates; the core checks). */
async function pointsBatch(db: Database, after: string, options: BatchOptions): Promise<BatchOutcome> {
  const { nowMs, programme, dryRun } = options
  const { within, windowEndMs } = windowOf(db, options)
  const { data } = await db
    .collection('members')
    .where({ _id: db.command.gt(after), 'points.lots.expiresAtMs': within })
    .orderBy('_id', 'asc')
    .limit(REMINDER_BATCH_SIZE)
    .get()
  const members = data as Member[]
  const rule = businessDayRuleOf(programme)
  const targets: ReminderTarget[] = members.map((member) => ({
    memberId: member._id,
    openid: member.openid,
    due: duePointsReminders(member, { nowMs, windowEndMs, rule, brandName: programme.brandName }),
  }))
  const delivered = await deliverReminders(db, targets, { templateKey: 'pointsExpiry', nowMs, dryRun })
  const last = members.at(-1)?._id
  const done = members.length < REMINDER_BATCH_SIZE
  return {
    // The members are done: the coupons come next, from the start.
    cursor: done ? COUPONS_PHASE : `${POINTS_PHASE}${last ?? after}`,
    done: false,
    summary: summaryOf(members.length, delivered),
  }
}

/** The due reminders of documents that belong to members, grouped by member (whose openids one query per 100 fetches). */
async function targetsByMember<Document extends { readonly memberId: string }>(
  db: Database,
  documents: readonly Document[],
  dueOf: (document: Document) => ReminderTarget['due'],
): Promise<ReminderTarget[]> {
  const members = await documentsByIds(
    db,
    'members',
    documents.map((document) => document.memberId),
  )
  const openidOf = new Map(members.map((member) => [member._id, member.openid]))
  const targets = new Map<string, ReminderTarget>()
  for (const document of documents) {
    const openid = openidOf.get(document.memberId)
    if (openid === undefined) continue
    const target = targets.get(document.memberId) ?? { memberId: document.memberId, openid, due: [] }
    targets.set(document.memberId, { ...target, due: [...target.due, ...dueOf(document)] })
  }
  return [...targets.values()]
}

/** Unused coupons after `after` that expire within the window, grouped by member. */
async function couponsBatch(db: Database, after: string, options: BatchOptions): Promise<BatchOutcome> {
  const { nowMs, programme, dryRun } = options
  const { within, windowEndMs } = windowOf(db, options)
  const { data } = await db
    .collection('coupons')
    .where({ _id: db.command.gt(after), usedAtMs: null, validUntilMs: within })
    .orderBy('_id', 'asc')
    .limit(REMINDER_BATCH_SIZE)
    .get()
  const coupons = data as CouponDocument[]
  const rule = businessDayRuleOf(programme)
  const targets = await targetsByMember(db, coupons, (coupon) =>
    dueCouponReminder(coupon, { nowMs, windowEndMs, rule }),
  )
  const delivered = await deliverReminders(db, targets, { templateKey: 'couponExpiry', nowMs, dryRun })
  const done = coupons.length < REMINDER_BATCH_SIZE
  return {
    // The coupons are done: the pickup orders come next, from the start.
    cursor: done ? PICKUPS_PHASE : `${COUPONS_PHASE}${coupons.at(-1)?._id ?? after}`,
    done: false,
    summary: summaryOf(coupons.length, delivered),
  }
}

/**
 * Pickup orders after `after` still waiting at the counter whose window ends within the reminder
 * window: not yet due for cancellation now, and due by the window's end (`expiredOrdersCreatedByMs`),
 * by the `orders.status_createdAtMs` index.
 */
async function pickupsBatch(db: Database, after: string, options: BatchOptions): Promise<BatchOutcome> {
  const { nowMs, programme, dryRun } = options
  const { windowEndMs } = windowOf(db, options)
  const _ = db.command
  const { data: orders } = await db
    .collection('orders')
    .where({
      _id: _.gt(after),
      status: 'awaitingPickup',
      createdAtMs: _.gt(expiredOrdersCreatedByMs(programme, nowMs)).and(
        _.lte(expiredOrdersCreatedByMs(programme, windowEndMs)),
      ),
    })
    .orderBy('_id', 'asc')
    .limit(REMINDER_BATCH_SIZE)
    .get()
  const rule = businessDayRuleOf(programme)
  const reminderOptions = { nowMs, windowEndMs, rule, programme }
  const targets = await targetsByMember(db, orders, (order) => duePickupReminder(order, reminderOptions))
  const delivered = await deliverReminders(db, targets, { templateKey: 'pickupReminder', nowMs, dryRun })
  return {
    cursor: `${PICKUPS_PHASE}${orders.at(-1)?._id ?? after}`,
    done: orders.length < REMINDER_BATCH_SIZE,
    summary: summaryOf(orders.length, delivered),
  }
}

/**
 * The next batch of `expiryReminders`: members whose points lots expire within
 * `programme.automation.expiryReminderDays`, then unused coupons that do, then pickup orders whose
 * window ends by then, one reminder per lot, per coupon and per order (keyed by it in `reminders`, so the daily runs of the window send it once), each
 * spending one opt-in; without one it is recorded as not subscribed (skipped). Dry runs count.
 * Requests: 1 for the batch (and 1 per 100 coupons for their members), then `deliverReminders`'.
 */
export const expiryRemindersBatch: JobBatch = async (db, options) => {
  const cursor = options.cursor ?? POINTS_PHASE
  if (cursor.startsWith(PICKUPS_PHASE)) return pickupsBatch(db, cursor.slice(PICKUPS_PHASE.length), options)
  if (cursor.startsWith(COUPONS_PHASE)) return couponsBatch(db, cursor.slice(COUPONS_PHASE.length), options)
  return pointsBatch(db, cursor.slice(POINTS_PHASE.length), options)
}

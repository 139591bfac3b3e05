import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import type { Database } from '../../common/cloud'
import type { GiftCouponDueDocument } from '../../common/documents/giftCoupons'
import { issueGiftCoupons } from '../../common/giftCoupons'
import { mapInSlices } from './inSlices'
import type { BatchOptions, JobBatch } from './jobBatch'

/** Due coupons read per batch. */
export const GIFT_DELIVERY_BATCH_SIZE = 200
/** Coupons issued at once within a batch: each is its own template reservation and unit of work. */
const GIFT_DELIVERY_PARALLELISM = 10
/**
 * How old a due coupon must be before the job issues it: its own event issues it moments after its
 * commit, and the job is for the ones a crash left behind. Issuing one twice is harmless (the coupon
 * id is the gift key), so this only spares the job the work.
 */
export const GIFT_DELIVERY_GRACE_MS = 5 * 60_000

/** Whether the coupon was issued now (or before, by its event), or refused for good. */
type Delivery = 'issued' | 'skipped'

function deliver(db: Database, due: GiftCouponDueDocument, options: BatchOptions): Promise<Delivery> {
  const { programme, nowMs } = options
  const coupon = { templateId: due.templateId, key: due._id }
  return issueGiftCoupons(db, { memberId: due.memberId, coupons: [coupon], source: due.source, programme, nowMs }).then(
    ([outcome]) => (outcome?.couponId ? 'issued' : 'skipped'),
  )
}

function summaryOf(dues: readonly GiftCouponDueDocument[], deliveries: readonly Delivery[]): JobSummary {
  const issued = deliveries.filter((delivery) => delivery === 'issued').length
  return {
    ...EMPTY_JOB_SUMMARY,
    scanned: dues.length,
    affected: new Set(dues.map((due) => due.memberId)).size,
    effects: issued,
    skipped: deliveries.length - issued,
  }
}

/**
 * The next batch of `deliverGiftCoupons` after `cursor`: gift coupons that an event (a join, an
 * upgrade) recorded due in its own transaction and that are still due a grace period later, because
 * the invocation crashed between its commit and the coupon. Each is issued exactly as its event would
 * (`issueGiftCoupons`: once per gift key, within the template's total), which removes it; a dry run
 * counts them. Hourly, so a lost gift arrives within about an hour. Requests: 1 for the batch, and
 * per coupon `grantCoupon`'s 7 and the removal.
 */
export const deliverGiftCouponsBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, dryRun } = options
  const _ = db.command
  const { data } = await db
    .collection('gift_coupons_due')
    .where({ dueAtMs: _.lte(nowMs - GIFT_DELIVERY_GRACE_MS), _id: _.gt(cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(GIFT_DELIVERY_BATCH_SIZE)
    .get()
  const dues = data as GiftCouponDueDocument[]
  const deliveries = dryRun
    ? dues.map((): Delivery => 'issued')
    : await mapInSlices(dues, GIFT_DELIVERY_PARALLELISM, (due) => deliver(db, due, options))
  return {
    cursor: dues.at(-1)?._id ?? cursor,
    done: dues.length < GIFT_DELIVERY_BATCH_SIZE,
    summary: summaryOf(dues, deliveries),
  }
}

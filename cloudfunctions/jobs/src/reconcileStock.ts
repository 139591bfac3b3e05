import { TEMPLATE_COUNTED_SOURCES } from '@shared/coupon'
import {
  COUNTER_SETTLE_MS,
  type CounterReading,
  type CounterRecount,
  decideCounterRecount,
  EMPTY_JOB_SUMMARY,
  isCounterQuiet,
  type JobSummary,
} from '@shared/jobs'
import type { Database } from '../../common/cloud'
import type { CouponTemplateDocument } from '../../common/couponTemplates'
import type { MallItemDocument } from '../../common/documents/mall'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

/** Counters read per batch: a catalogue is small, and each counter costs a few counts. */
export const RECONCILE_BATCH_SIZE = 100
/** Counters recounted at once within a batch. */
const RECONCILE_PARALLELISM = 10

/** The two kinds of hot counter, recounted in turn: the cursor is `<kind>:<last id done>`. */
type CounterKind = 'item' | 'template'
type CounterDocument = MallItemDocument | CouponTemplateDocument

/** What recounting one counter found: corrected, in agreement, or left alone (possibly still settling). */
type RecountOutcome = 'corrected' | 'agrees' | 'left'

interface Recounting {
  readonly nowMs: number
  readonly dryRun: boolean
}

/** The counter as the recount sees it: an item's sold and stock, a template's issued (no stock kept). */
function readingOf(kind: CounterKind, document: CounterDocument): CounterReading {
  if (kind === 'item') {
    const item = document as MallItemDocument
    return { taken: item.sold, held: item.held ?? 0, free: item.stock }
  }
  const template = document as CouponTemplateDocument
  return { taken: template.issued, held: template.held ?? 0, free: null }
}

/**
 * What the counter counts, from the documents that exist: an item's orders not cancelled and the
 * coupons redeemed for it; a template's claimed and gifted coupons (what its `issued` counts, see
 * TEMPLATE_COUNTED_SOURCES; a coupon item's coupons take the item's stock). With, for an item, whether an order of it was cancelled
 * within the settle time: its give-back may still be coming, and recounting now would give it twice.
 */
async function settledOf(
  db: Database,
  kind: CounterKind,
  document: CounterDocument,
  nowMs: number,
): Promise<{ readonly settled: number; readonly cancelPending: boolean }> {
  const _ = db.command
  if (kind === 'template') {
    const { total } = await db
      .collection('coupons')
      .where({ sourceId: document._id, source: _.in([...TEMPLATE_COUNTED_SOURCES]) })
      .count()
    return { settled: total, cancelPending: false }
  }
  const orders = db.collection('orders')
  const [live, redeemed, recentlyCancelled] = await Promise.all([
    orders.where({ itemId: document._id, status: _.in(['awaitingPickup', 'pickedUp']) }).count(),
    db.collection('coupons').where({ sourceId: document._id, source: 'redeem' }).count(),
    orders.where({ itemId: document._id, status: 'cancelled', cancelledAtMs: _.gt(nowMs - COUNTER_SETTLE_MS) }).count(),
  ])
  return { settled: live.total + redeemed.total, cancelPending: recentlyCancelled.total > 0 }
}

/** The counter's own figures as read, and the increments that move them by a recount. */
function figuresOf(kind: CounterKind, document: CounterDocument, recount: CounterRecount, db: Database) {
  const _ = db.command
  if (kind === 'item') {
    const { stock, sold } = document as MallItemDocument
    return { asRead: { stock, sold }, moves: { sold: _.inc(recount.takenDelta), stock: _.inc(-recount.takenDelta) } }
  }
  const { issued } = document as CouponTemplateDocument
  return { asRead: { issued }, moves: { issued: _.inc(recount.takenDelta) } }
}

/**
 * Writes a recount as increments, conditional on the counter being exactly as read (its figures and
 * its last reservation's instant): a redemption, claim, give-back or stock adjustment landing since
 * the read makes it match nothing, and the counter waits for the next run. Never a blind overwrite.
 */
async function writeRecount(
  db: Database,
  kind: CounterKind,
  document: CounterDocument,
  recount: CounterRecount,
): Promise<boolean> {
  const _ = db.command
  const asRead = (field: string, value: number | undefined) => ({
    [field]: value === undefined ? _.exists(false) : value,
  })
  const { asRead: figures, moves } = figuresOf(kind, document, recount, db)
  const { stats } = await db
    .collection(kind === 'item' ? 'mall_items' : 'coupon_templates')
    .where({
      _id: document._id,
      ...figures,
      ...asRead('held', document.held),
      ...asRead('reservedAtMs', document.reservedAtMs),
    })
    .update({ data: { ...moves, held: _.inc(recount.heldDelta) } })
  return stats.updated === 1
}

/**
 * Recounts one counter. One that reserved within the settle time may have a request in flight whose
 * held unit is about to become an order (or go back by itself), so it is left; so is an item with a
 * cancel's give-back possibly pending. Requests: 1 count (template) or 3 at once (item), and the
 * conditional update when it disagrees.
 */
async function recount(
  db: Database,
  kind: CounterKind,
  document: CounterDocument,
  options: Recounting,
): Promise<RecountOutcome> {
  if (!isCounterQuiet(document.reservedAtMs, options.nowMs)) return 'left'
  const { settled, cancelPending } = await settledOf(db, kind, document, options.nowMs)
  if (cancelPending) return 'left'
  const decided = decideCounterRecount(readingOf(kind, document), settled)
  if (decided === null) return 'agrees'
  if (options.dryRun) return 'corrected'
  return (await writeRecount(db, kind, document, decided)) ? 'corrected' : 'left'
}

/** Where the cursor stands: which kind, after which id. */
function positionOf(cursor: string | null): { readonly kind: CounterKind; readonly afterId: string } {
  if (cursor?.startsWith('template:')) return { kind: 'template', afterId: cursor.slice('template:'.length) }
  return { kind: 'item', afterId: cursor?.startsWith('item:') ? cursor.slice('item:'.length) : '' }
}

/** The batch's figures: a correction per counter corrected; counters left for a later run are skipped. */
function summaryOf(outcomes: readonly RecountOutcome[]): JobSummary {
  const corrected = outcomes.filter((outcome) => outcome === 'corrected').length
  return {
    ...EMPTY_JOB_SUMMARY,
    scanned: outcomes.length,
    affected: corrected,
    effects: corrected,
    skipped: outcomes.filter((outcome) => outcome === 'left').length,
  }
}

/**
 * The next batch of `reconcileStock` after `cursor`: mall items, then coupon templates, in id order
 * (every one: a unit stranded by a failed give-back leaves nothing on the counter to query for), each
 * recounted from the orders and coupons that exist. Requests: 1 for the batch, and per counter its
 * counts and, when it disagrees, one conditional update.
 */
export const reconcileStockBatch: JobBatch = async (db, options) => {
  const { kind, afterId } = positionOf(options.cursor)
  const _ = db.command
  const { data } = await db
    .collection(kind === 'item' ? 'mall_items' : 'coupon_templates')
    .where({ _id: _.gt(afterId) })
    .orderBy('_id', 'asc')
    .limit(RECONCILE_BATCH_SIZE)
    .get()
  const documents = data as CounterDocument[]
  const outcomes = await mapInSlices(documents, RECONCILE_PARALLELISM, (document) =>
    recount(db, kind, document, options),
  )
  const last = documents.at(-1)?._id ?? afterId
  const finishedKind = documents.length < RECONCILE_BATCH_SIZE
  return {
    cursor: finishedKind && kind === 'item' ? 'template:' : `${kind}:${last}`,
    done: finishedKind && kind === 'template',
    summary: summaryOf(outcomes),
  }
}

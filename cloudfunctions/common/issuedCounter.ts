import type { CouponTemplate } from '@shared/coupon'
import type { Database } from './cloud'
import { type HotCounter, reserveOrWaitForHeld, settleCounter } from './reservation'

/**
 * A template's issued count as a hot counter. With a total, a reservation takes a coupon
 * (`issued < totalQuantity`, then `issued + 1`) and holds it (`held + 1`) until the claim settles;
 * each update is atomic, so 64 members claiming the last coupon at once get exactly one between
 * them, without a transaction on the template (which would conflict and fail claims while coupons
 * remain). A template without a total never runs out: it only counts, and holds nothing. The
 * reservation stamps the template with its instant (see `reconcileStock`).
 */
export function issuedCounterOf(db: Database, template: CouponTemplate, nowMs: number): TemplateCounter {
  const _ = db.command
  const document = () => db.collection('coupon_templates').doc(template.id)
  const limited = template.totalQuantity !== null
  const reserveMany = async (count: number) => {
    const { stats } = await db
      .collection('coupon_templates')
      .where(
        limited
          ? { _id: template.id, issued: _.lte((template.totalQuantity as number) - count) }
          : { _id: template.id },
      )
      .update({
        data: limited
          ? { issued: _.inc(count), held: _.inc(count), reservedAtMs: nowMs }
          : { issued: _.inc(count), reservedAtMs: nowMs },
      })
    return stats.updated === 1
  }
  return {
    reserve: () => reserveMany(1),
    reserveMany,
    settleMany: async (kept, released) => {
      const data = limited
        ? { issued: _.inc(-released), held: _.inc(-(kept + released)) }
        : { issued: _.inc(-released) }
      if (limited ? kept + released > 0 : released > 0)
        await settleCounter(`settle ${kept + released} coupons of ${template.id}`, () => document().update({ data }))
    },
    async state() {
      const { data } = await document().get()
      const free = data !== null && (template.totalQuantity === null || data.issued < template.totalQuantity)
      return { free, held: data?.held ?? 0 }
    },
    keep: async () => {
      if (limited)
        await settleCounter(`keep a coupon of ${template.id}`, () => document().update({ data: { held: _.inc(-1) } }))
    },
    release: () =>
      settleCounter(`give a coupon of ${template.id} back`, () =>
        document().update({ data: limited ? { issued: _.inc(-1), held: _.inc(-1) } : { issued: _.inc(-1) } }),
      ),
  }
}

/** A template's counter, which a batch (an admin's issue to many members) also reserves from several units at a time. */
export interface TemplateCounter extends HotCounter {
  /** Takes `count` free units at once and holds them, or none: answers whether there were that many. */
  reserveMany(count: number): Promise<boolean>
  /** A batch's units settled: `kept` used (no longer held, still taken), `released` given back. One update. */
  settleMany(kept: number, released: number): Promise<void>
}

/**
 * Reserves up to `wanted` units for a batch: all at once when that many are free (one update), else
 * one at a time while any are free, waiting for other requests' held units as a single reservation
 * does (never for the batch's own). Answers how many the batch now holds.
 */
export async function reserveUpTo(counter: TemplateCounter, wanted: number): Promise<number> {
  if (wanted === 0 || (await counter.reserveMany(wanted))) return wanted
  let reserved = 0
  while (reserved < wanted && (await reserveOrWaitForHeld(counter, reserved))) reserved += 1
  return reserved
}

import type { CouponTemplate } from '@shared/coupon'
import type { Database } from './cloud'
import { type HotCounter, settleCounter } from './reservation'

/**
 * A template's issued count as a hot counter. With a total, a reservation takes a coupon
 * (`issued < totalQuantity`, then `issued + 1`) and holds it (`held + 1`) until the claim settles;
 * each update is atomic, so 64 members claiming the last coupon at once get exactly one between
 * them, without a transaction on the template (which would conflict and fail claims while coupons
 * remain). A template without a total never runs out: it only counts, and holds nothing. The
 * reservation stamps the template with its instant (see `reconcileStock`).
 */
export function issuedCounterOf(db: Database, template: CouponTemplate, nowMs: number): HotCounter {
  const _ = db.command
  const document = () => db.collection('coupon_templates').doc(template.id)
  const limited = template.totalQuantity !== null
  return {
    async reserve() {
      const { stats } = await db
        .collection('coupon_templates')
        .where(limited ? { _id: template.id, issued: _.lt(template.totalQuantity) } : { _id: template.id })
        .update({
          data: limited
            ? { issued: _.inc(1), held: _.inc(1), reservedAtMs: nowMs }
            : { issued: _.inc(1), reservedAtMs: nowMs },
        })
      return stats.updated === 1
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

import type { CouponTemplate } from '@shared/coupon'
import type { Database } from '../../common/cloud'

/**
 * Reserves one coupon of a template with one conditional update: `issued < totalQuantity`, then
 * `issued + 1`. Each update is atomic, so 64 members claiming the last coupon at once get exactly one
 * between them, without a transaction on the template (which would conflict and fail claims while
 * coupons remain). A template without a total only counts. Answers whether a coupon was reserved.
 */
export async function reserveCoupon(db: Database, template: CouponTemplate): Promise<boolean> {
  const _ = db.command
  const condition =
    template.totalQuantity === null ? { _id: template.id } : { _id: template.id, issued: _.lt(template.totalQuantity) }
  const { stats } = await db
    .collection('coupon_templates')
    .where(condition)
    .update({ data: { issued: _.inc(1) } })
  return stats.updated === 1
}

/**
 * Gives a reserved coupon back (a refused or failed claim). A failure is logged, not thrown: the
 * template stays one short (never over-issued), which the reconciliation job corrects.
 */
export async function releaseCoupon(db: Database, templateId: string): Promise<void> {
  const _ = db.command
  try {
    await db
      .collection('coupon_templates')
      .doc(templateId)
      .update({ data: { issued: _.inc(-1) } })
  } catch (error) {
    console.error(`could not give a coupon of ${templateId} back; reconcile its issued count`, error)
  }
}

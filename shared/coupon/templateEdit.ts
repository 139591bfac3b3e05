import type { CouponTemplate } from './template'

/** The fields of a template an admin edit may change: all but its id (its counts move by claims). */
export const COUPON_TEMPLATE_EDITABLE_FIELDS = [
  'title',
  'description',
  'benefit',
  'validity',
  'totalQuantity',
  'perMemberLimit',
  'tierIds',
  'claimWindow',
  'storeIds',
] as const satisfies readonly (keyof CouponTemplate)[]

export type CouponTemplateEditableField = (typeof COUPON_TEMPLATE_EDITABLE_FIELDS)[number]

/**
 * Whether a total would be below the coupons already issued (claims still settling count as issued):
 * an edit may never take back coupons members hold. A null total is unlimited.
 */
export function totalBelowIssued(totalQuantity: number | null, issued: number): boolean {
  return totalQuantity !== null && totalQuantity < issued
}

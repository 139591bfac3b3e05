import type { Programme } from '../programme/schema'
import type { CouponBenefit, CouponTemplate } from './template'
import { couponValidity } from './validity'

/** Where a coupon came from. */
export type CouponSource = 'claim' | 'redeem' | 'join' | 'upgrade' | 'birthday' | 'winBack' | 'admin'

/**
 * The sources whose coupons a template's `issued` counts (their `sourceId` is the template): claims
 * and every gift. A mall item's coupons (`redeem`, `sourceId` the item) take the item's stock instead.
 */
export const TEMPLATE_COUNTED_SOURCES = [
  'claim',
  'join',
  'upgrade',
  'birthday',
  'winBack',
  'admin',
] as const satisfies readonly CouponSource[]

/**
 * An issued coupon as stored (`coupons/{id}`). The member card counts usable coupons with
 * `where({ memberId, usedAtMs: null, validUntilMs: _.gt(now) })`, so those names are fixed. The
 * state (available / used / expired) is never stored: it is computed from these fields when read.
 */
export interface Coupon {
  readonly _id: string
  readonly memberId: string
  readonly templateId: string
  readonly title: string
  readonly description: string | null
  readonly benefit: CouponBenefit
  readonly validFromMs: number
  readonly validUntilMs: number
  readonly usedAtMs: number | null
  /** The staff member who verified it, and where; null until used. */
  readonly usedBy: string | null
  readonly usedStoreId: string | null
  readonly source: CouponSource
  /** What issued it: the mall item for a redemption, the template for a claim. */
  readonly sourceId: string
  /** The client's request id for claims and redemptions; null for coupons issued by the system. */
  readonly requestId: string | null
  readonly issuedAtMs: number
  /**
   * The only stores where it may be verified, copied from its template when issued; empty for every
   * store. Absent on coupons issued before templates could name stores: those are valid everywhere.
   */
  readonly storeIds?: readonly string[]
}

/** A new coupon of `template` for a member, valid from its issue under the template's validity rule. */
export function newCoupon(options: {
  readonly id: string
  readonly memberId: string
  readonly template: CouponTemplate
  readonly programme: Programme
  readonly source: CouponSource
  readonly sourceId: string
  readonly requestId: string | null
  readonly issuedAtMs: number
}): Coupon {
  const { template, programme, issuedAtMs } = options
  const window = couponValidity({
    template,
    issuedAtMs,
    timeZone: programme.timeZone,
    cutoffHour: programme.businessDayCutoffHour,
  })
  return {
    _id: options.id,
    memberId: options.memberId,
    templateId: template.id,
    title: template.title,
    description: template.description ?? null,
    benefit: template.benefit,
    validFromMs: window.validFromMs,
    validUntilMs: window.validUntilMs,
    usedAtMs: null,
    usedBy: null,
    usedStoreId: null,
    source: options.source,
    sourceId: options.sourceId,
    requestId: options.requestId,
    issuedAtMs,
    storeIds: [...(template.storeIds ?? [])],
  }
}

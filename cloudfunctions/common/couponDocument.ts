import type { CouponSource, WalletCoupon } from '@shared/contracts'
import { type CouponBenefit, type CouponTemplate, couponStateAt, couponValidity } from '@shared/coupon'
import type { Programme } from '@shared/programme/schema'

/**
 * `coupons/{id}`: one issued coupon. The member card counts usable coupons with
 * `where({ memberId, usedAtMs: null, validUntilMs: _.gt(now) })`, so those names are fixed. The
 * state (available / used / expired) is never stored: it is computed from these fields when read.
 */
export interface CouponDocument {
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
}

/** A new coupon of `template` for a member, valid from its issue under the template's validity rule. */
export function newCouponDocument(options: {
  readonly id: string
  readonly memberId: string
  readonly template: CouponTemplate
  readonly programme: Programme
  readonly source: CouponSource
  readonly sourceId: string
  readonly requestId: string | null
  readonly issuedAtMs: number
}): CouponDocument {
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
  }
}

/** A coupon as the wallet shows it, with its state at `nowMs`. */
export function walletCouponOf(coupon: CouponDocument, nowMs: number): WalletCoupon {
  return {
    id: coupon._id,
    templateId: coupon.templateId,
    title: coupon.title,
    description: coupon.description,
    benefit: coupon.benefit,
    validFromMs: coupon.validFromMs,
    validUntilMs: coupon.validUntilMs,
    state: couponStateAt({ coupon, nowMs }),
    usedAtMs: coupon.usedAtMs,
    source: coupon.source,
    issuedAtMs: coupon.issuedAtMs,
  }
}

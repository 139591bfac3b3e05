import type { Programme } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { type Coupon, newCoupon } from './coupon'
import type { CouponTemplate } from './template'

/**
 * How many coupons of a template a member has claimed (`coupon_claims/{memberId}_{templateId}`), for
 * the per-member limit. It is written in the member-side claim, so two claims by one member are
 * serialised and the limit holds under any concurrency.
 */
export interface ClaimCounter {
  readonly _id: string
  readonly memberId: string
  readonly templateId: string
  readonly count: number
  readonly updatedAtMs: number
}

/** The id of a member's claim counter for a template. */
export function claimCounterIdOf(memberId: string, templateId: string): string {
  return `${memberId}_${templateId}`
}

/** What a claim decides: the coupon this request already claimed, or a new coupon and the counter counting it. */
export type ClaimDecision =
  | { readonly replayed: true; readonly coupon: Coupon }
  | { readonly replayed: false; readonly coupon: Coupon; readonly counter: ClaimCounter }

/** What a claim reads: the coupon under the request's id (the idempotency marker) and the member's counter. */
export interface ClaimState {
  readonly existing: Coupon | null
  readonly counter: ClaimCounter | null
}

/** What is being claimed, and by whom; `couponId` is derived from the member and the client's request id. */
export interface ClaimRequest {
  readonly memberId: string
  readonly requestId: string
  readonly couponId: string
  readonly template: CouponTemplate
  readonly programme: Programme
}

/**
 * The coupon a request already claimed, as a replay: null when it claimed nothing, REQUEST_ID_REUSED
 * when the same request id claimed another template (a client bug, answered rather than hidden).
 */
export function claimReplayOf(existing: Coupon | null, templateId: string): Result<Coupon, 'REQUEST_ID_REUSED'> | null {
  if (!existing) return null
  if (existing.templateId !== templateId) return err('REQUEST_ID_REUSED', '该请求编号已领取过其他优惠券')
  return ok(existing)
}

/**
 * The member-side part of a claim, once a coupon is reserved against the template's total: a replay
 * answers the first coupon; otherwise the per-member limit, then a new coupon keyed by the request and
 * the counter one higher. Precedence: REQUEST_ID_REUSED, LIMIT_REACHED.
 */
export function decideClaim(
  state: ClaimState,
  request: ClaimRequest,
  nowMs: number,
): Result<ClaimDecision, 'REQUEST_ID_REUSED' | 'LIMIT_REACHED'> {
  const { memberId, template } = request
  const replay = claimReplayOf(state.existing, template.id)
  if (replay) return replay.ok ? ok({ replayed: true, coupon: replay.data }) : replay
  const claimedByMember = state.counter?.count ?? 0
  if (claimedByMember >= template.perMemberLimit) return err('LIMIT_REACHED', `每人限领 ${template.perMemberLimit} 张`)
  const coupon = newCoupon({
    id: request.couponId,
    memberId,
    template,
    programme: request.programme,
    source: 'claim',
    sourceId: template.id,
    requestId: request.requestId,
    issuedAtMs: nowMs,
  })
  const counter: ClaimCounter = {
    _id: claimCounterIdOf(memberId, template.id),
    memberId,
    templateId: template.id,
    count: claimedByMember + 1,
    updatedAtMs: nowMs,
  }
  return ok({ replayed: false, coupon, counter })
}

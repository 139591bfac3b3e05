/**
 * `coupon_claims/{memberId}_{templateId}`: how many coupons of a template a member has claimed, for
 * the per-member limit. It is written in the member-side claim transaction, so two claims by one
 * member are serialised and the limit holds under any concurrency.
 */
export interface ClaimCounterDocument {
  readonly memberId: string
  readonly templateId: string
  readonly count: number
  readonly updatedAtMs: number
}

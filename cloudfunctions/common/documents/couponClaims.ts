import type { ClaimCounter } from '@shared/coupon'

/** `coupon_claims/{memberId}_{templateId}`: a member's claim counter for a template (see `ClaimCounter`). */
export type ClaimCounterDocument = ClaimCounter

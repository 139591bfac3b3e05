import { err, ok, type Result } from '../result'
import type { CouponTemplate } from './template'

/** The failures of `claimEligibility`, in precedence order. */
export type ClaimFailureCode = 'CLAIM_NOT_OPEN' | 'TIER_REQUIRED' | 'LIMIT_REACHED' | 'SOLD_OUT'

/** Whether members of a tier may claim a template: an empty tier list admits every tier. */
export function tierMayClaim(template: Pick<CouponTemplate, 'tierIds'>, tierId: string): boolean {
  return template.tierIds.length === 0 || template.tierIds.includes(tierId)
}

/**
 * Whether a template can be claimed now: inside its claim window (and, for fixed validity, before the
 * coupons lapse: claiming a coupon that is already expired helps nobody). Windows are start-inclusive,
 * end-exclusive.
 */
function claimIsOpen(template: Pick<CouponTemplate, 'claimWindow' | 'validity'>, nowMs: number): boolean {
  const window = template.claimWindow
  if (window && (nowMs < window.startsAtMs || nowMs >= window.endsAtMs)) return false
  return template.validity.kind !== 'fixed' || nowMs < template.validity.endsAtMs
}

/**
 * Whether a member of `tierId` who already holds `claimedByMember` coupons of this template may claim
 * one more, with `issuedCount` issued to everyone so far. Precedence: CLAIM_NOT_OPEN, TIER_REQUIRED,
 * LIMIT_REACHED, SOLD_OUT. The window comes first because outside it nothing else matters; then the
 * facts about this member, which no restock changes, before the shared stock, which other members'
 * claims change from one moment to the next. A member at their limit is told so, rather than being
 * sent to wait for a restock that would not help them.
 */
export function claimEligibility(options: {
  template: Pick<CouponTemplate, 'claimWindow' | 'validity' | 'tierIds' | 'perMemberLimit' | 'totalQuantity'>
  tierId: string
  claimedByMember: number
  issuedCount: number
  nowMs: number
}): Result<void, ClaimFailureCode> {
  const { template } = options
  if (!claimIsOpen(template, options.nowMs)) return err('CLAIM_NOT_OPEN')
  if (!tierMayClaim(template, options.tierId)) return err('TIER_REQUIRED')
  if (options.claimedByMember >= template.perMemberLimit) {
    return err('LIMIT_REACHED', `每人限领 ${template.perMemberLimit} 张`)
  }
  if (template.totalQuantity !== null && options.issuedCount >= template.totalQuantity) return err('SOLD_OUT')
  return ok(undefined)
}

import { API, CLAIM_CENTRE_SIZE_MAX, type ClaimableTemplate } from '@shared/contracts'
import { claimEligibility } from '@shared/coupon'
import { heldTierIdOf } from '@shared/member'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { templateFromDocument } from '../../common/couponTemplates'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/** Claim counters a member can hold: one per template they ever claimed. */
const COUNTERS_READ_MAX = 1000

/**
 * `coupon.claimable`: the claim centre. Templates open for claiming now, each with what is left, how
 * many the caller holds and whether they may claim another (tier-restricted templates are listed with
 * TIER_REQUIRED, so members see what a higher tier gives); retired ones are left out. Three database requests at once (four
 * while the programme is not cached: a tier granted by hand counts).
 */
export const claimable = defineAction(API.coupon.claimable, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, templates, counters] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    db.collection('coupon_templates').limit(CLAIM_CENTRE_SIZE_MAX).get(),
    db.collection('coupon_claims').where({ memberId: memberId.data }).limit(COUNTERS_READ_MAX).get(),
  ])
  if (!member.ok) return member
  const claimed = new Map(counters.data.map((counter) => [counter.templateId, counter.count]))
  const listed: ClaimableTemplate[] = []
  for (const document of templates.data) {
    const stored = templateFromDocument(document)
    // Retired templates issue nothing more: claiming one would be refused.
    if (!stored || stored.retired) continue
    const { template, issued } = stored
    const claimedByMember = claimed.get(template.id) ?? 0
    const eligibility = claimEligibility({
      template,
      tierId: heldTierIdOf(member.data, programme.tiers, caller.nowMs),
      claimedByMember,
      issuedCount: issued,
      nowMs: caller.nowMs,
    })
    if (!eligibility.ok && eligibility.code === 'CLAIM_NOT_OPEN') continue
    listed.push({
      templateId: template.id,
      title: template.title,
      description: template.description ?? null,
      benefit: template.benefit,
      validity: template.validity,
      remaining: template.totalQuantity === null ? null : Math.max(template.totalQuantity - issued, 0),
      perMemberLimit: template.perMemberLimit,
      claimedByMember,
      tierIds: template.tierIds,
      canClaim: eligibility.ok,
      reason: eligibility.ok ? null : eligibility.code,
    })
  }
  return ok({ templates: listed })
})

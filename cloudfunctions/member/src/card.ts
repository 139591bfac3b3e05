import type { MemberCard } from '@shared/contracts'
import { API } from '@shared/contracts'
import { expiringSoon, usableBalance } from '@shared/ledger'
import { heldTierIdOf, type Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { ok } from '@shared/result'
import { tierProgress } from '@shared/tier'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId, loadMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/** Points expiring within this window are called out on the card. */
export const EXPIRING_SOON_WINDOW_MS = 30 * 86_400_000

/** The member's latest tier change at a period's end, named as the programme names tiers now; null when none (or its tiers are gone). */
function tierChangeOf(member: Member, programme: Programme): MemberCard['tierChange'] {
  const notice = member.tierNotice
  const from = programme.tiers.find((tier) => tier.id === notice?.fromTierId)
  const to = programme.tiers.find((tier) => tier.id === notice?.toTierId)
  if (!notice || !from || !to) return null
  return {
    id: notice.historyId,
    from: { id: from.id, name: from.name },
    to: { id: to.id, name: to.name },
    atMs: notice.atMs,
  }
}

/** The card a member sees, from their document; points already past expiry are not shown as usable. */
export function cardOf(member: Member, programme: Programme, usableCouponCount: number, nowMs: number): MemberCard {
  // The tier held now: a tier granted by hand shows (and counts) from the moment it is granted.
  const tierId = heldTierIdOf(member, programme.tiers, nowMs)
  const progress = tierProgress(programme.tiers, { tierId, growth: member.growth })
  return {
    memberId: member._id,
    nickname: member.profile.nickname,
    avatarUrl: member.profile.avatarUrl,
    tier: { id: progress.tier.id, name: progress.tier.name },
    nextTier: progress.nextTier ? { id: progress.nextTier.id, name: progress.nextTier.name } : null,
    growth: member.growth,
    growthToNextTier: progress.growthToNextTier,
    progressPercent: progress.percent,
    balance: usableBalance(member.points, nowMs),
    expiringSoon: expiringSoon(member.points, {
      nowMs,
      withinMs: EXPIRING_SOON_WINDOW_MS,
      ...businessDayRuleOf(programme),
    }),
    usableCouponCount,
    tierChange: tierChangeOf(member, programme),
  }
}

/** Coupons the member can use now: not used, not expired (no job needed to expire them). */
export async function usableCouponCountOf(memberId: string, nowMs: number): Promise<number> {
  const db = database()
  const _ = db.command
  const { total } = await db
    .collection('coupons')
    .where({ memberId, usedAtMs: null, validUntilMs: _.gt(nowMs) })
    .count()
  return total
}

/**
 * `member.card`. Requests: the member and the coupon count, at once (the member id derives from the
 * OPENID, so the count need not wait for the member): 2 in 1 round trip once the instance has the
 * programme. A caller who has not joined costs the same and is answered NOT_A_MEMBER.
 */
export const card = defineAction(API.member.card, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, couponCount] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadMember(db, memberId.data),
    usableCouponCountOf(memberId.data, caller.nowMs),
  ])
  return member.ok ? ok(cardOf(member.data, programme, couponCount, caller.nowMs)) : member
})

import type { Programme, Tier } from '../programme/schema'
import { evaluateTierAtPeriodEnd, tierRankOf } from '../tier'
import { localDayOf } from '../time/zonedTime'
import { validGrantOf } from './heldTier'
import type { GrantedTier, Member } from './member'
import { startQualification } from './qualification'

/** `tier_history/{id}`: one tier change at a period's end, like a ledger entry for the tier. */
export interface TierHistoryEntry {
  readonly _id: string
  readonly memberId: string
  readonly fromTierId: string
  readonly toTierId: string
  readonly reason: 'periodEnd'
  readonly periodStartDay: string
  /** The period's last day is the one before this (the end is exclusive). */
  readonly periodEndDay: string
  /** Growth earned within the period, against the old tier's retention. */
  readonly periodGrowth: number
  readonly growthBefore: number
  readonly growthAfter: number
  /** The period's end: when the change took effect, whenever the job got to it. */
  readonly createdAtMs: number
}

/** The id of a member's tier change at a period's end: one per member and period, however often the job runs. */
export function tierHistoryIdOf(memberId: string, periodEndDay: string): string {
  return `tier_${memberId}_${periodEndDay}`
}

/** What a review decides: the member to write, the change to record (null when the tier stays), and whether a granted tier held the member up. */
export interface TierReview {
  readonly member: Member
  readonly change: TierHistoryEntry | null
  readonly heldByGrant: boolean
}

function validGrantRank(programme: Programme, grant: GrantedTier | null | undefined, atMs: number): number | null {
  const valid = validGrantOf(grant, programme.tiers, atMs)
  return valid === null ? null : tierRankOf(programme.tiers, valid.tierId)
}

/** The rank the retention rules give a member at the end of a period in which they earned `periodGrowth`. */
function rankByRetention(member: Member, programme: Programme, periodGrowth: number): number {
  const outcome = evaluateTierAtPeriodEnd(programme.tiers, {
    tierId: member.tierId,
    growth: member.growth,
    periodGrowth,
    maxStepsDown: programme.maxTierStepsDown,
  })
  return tierRankOf(programme.tiers, outcome.tier.id)
}

/**
 * Reviews a member whose qualification period has ended by `nowMs`: keeps or drops the tier by the
 * retention rules (at most `maxTierStepsDown`), never below a tier granted by hand that is valid at
 * the period's end, then counts the next period from the growth earned since the end. Points are
 * never touched. A member whose count is partial keeps the tier: missing data never downgrades.
 * A member never counted (written before counting began) is only started on the current period,
 * marked partial. Null when no review is due (done already, by this run or a twin) or the member's
 * tier is unknown to the programme.
 */
export function decideTierReview(member: Member, programme: Programme, nowMs: number): TierReview | null {
  const { qualification, tierReviewAtMs: endedAtMs } = member
  const anchorDay = member.periodAnchorDay
  if (qualification === undefined || endedAtMs === undefined) {
    const started = startQualification({ programme, anchorDay, nowMs, carried: 0, partial: true })
    return { member: { ...member, ...started }, change: null, heldByGrant: false }
  }
  if (endedAtMs > nowMs) return null
  const { tiers } = programme
  // A tier the programme no longer has is the admin's to fix (issue 11): left as it is, the member
  // never stops the job from going on to the next.
  if (!tiers.some((tier) => tier.id === member.tierId)) return null
  const currentRank = tierRankOf(tiers, member.tierId)
  const ruledRank = qualification.partial ? currentRank : rankByRetention(member, programme, qualification.growth)
  const grantRank = validGrantRank(programme, member.grantedTier, endedAtMs)
  const floorRank = grantRank === null ? 0 : Math.min(grantRank, currentRank)
  const heldByGrant = ruledRank < floorRank
  const rank = Math.max(ruledRank, floorRank)
  const tier = tiers[rank] as Tier
  // As `evaluateTierAtPeriodEnd`: a member who drops restarts from the new tier's threshold.
  const growth = rank === currentRank ? member.growth : Math.min(member.growth, tier.growthThreshold)
  // Counted from the growth earned since the end; a job down for more than a period counts all of it
  // toward the current period: too much rather than too little, so an outage never costs a tier.
  const next = startQualification({
    programme,
    anchorDay,
    nowMs,
    carried: qualification.earnedSinceEnd,
    partial: false,
  })
  const reviewed: Member = { ...member, ...next, tierId: tier.id, growth }
  if (rank === currentRank) return { member: reviewed, change: null, heldByGrant }
  const periodEndDay = localDayOf(endedAtMs, programme.timeZone)
  const change: TierHistoryEntry = {
    _id: tierHistoryIdOf(member._id, periodEndDay),
    memberId: member._id,
    fromTierId: member.tierId,
    toTierId: reviewed.tierId,
    reason: 'periodEnd',
    periodStartDay: qualification.periodStartDay,
    periodEndDay,
    periodGrowth: qualification.growth,
    growthBefore: member.growth,
    growthAfter: growth,
    createdAtMs: endedAtMs,
  }
  const tierNotice = {
    historyId: change._id,
    fromTierId: change.fromTierId,
    toTierId: change.toTierId,
    atMs: endedAtMs,
  }
  return { member: { ...reviewed, tierNotice }, change, heldByGrant }
}

/**
 * 试算: what the draft programme would change against the live one, computed with the very functions
 * the actions use (`purchaseEarning`, `checkIn`, the tier rules), so the preview cannot drift from
 * what members are paid. Pure; the caller reads the members and passes the clock.
 */
import { checkIn } from '../checkin/checkIn'
import { INITIAL_CHECK_IN_STATE } from '../checkin/state'
import { purchaseEarning } from '../earning/purchaseEarning'
import { businessDayRuleOf } from '../programme/businessDayRule'
import type { Programme } from '../programme/schema'
import { evaluateTierAtPeriodEnd, tierForGrowth } from '../tier'
import { businessDayOf } from '../time/businessDay'
import { addDays } from '../time/calendarDay'

/** A sample purchase: amount, the buyer's tier (by id) and when. */
export interface SamplePurchase {
  readonly amountFen: number
  readonly tierId: string
  readonly purchasedAtMs: number
}

/** What one programme gives for the samples. */
export interface SampleEarning {
  readonly purchasePoints: number
  readonly purchaseGrowth: number
  /** Points of `checkInDays` consecutive check-ins starting on the purchase's business day. */
  readonly checkInPoints: number
  readonly checkInGrowth: number
}

/**
 * Points and growth of the sample purchase and check-in streak under one programme. A tier id the
 * programme does not have earns at the first tier's rate, as `purchaseEarningOf` does at the counter.
 * The buyer has no birthday: a birthday-month campaign needs a member's profile.
 */
export function sampleEarning(programme: Programme, purchase: SamplePurchase, checkInDays: number): SampleEarning {
  const tier = programme.tiers.find((candidate) => candidate.id === purchase.tierId) ?? programme.tiers[0]
  if (!tier) throw new Error('the programme has no tiers')
  const earned = purchaseEarning(programme, { ...purchase, tier, birthday: null })
  const firstDay = businessDayOf(purchase.purchasedAtMs, businessDayRuleOf(programme))
  let state = INITIAL_CHECK_IN_STATE
  let checkInPoints = 0
  let checkInGrowth = 0
  for (let offset = 0; offset < checkInDays; offset += 1) {
    const outcome = checkIn({ state, day: addDays(firstDay, offset), rules: programme.checkIn })
    if (!outcome.ok) break
    state = outcome.data.state
    checkInPoints += outcome.data.reward.points
    checkInGrowth += outcome.data.reward.growth
  }
  return { purchasePoints: earned.points, purchaseGrowth: earned.growth, checkInPoints, checkInGrowth }
}

/** The growth fields of a member the tier count reads (the members query projects only these). */
export interface MemberGrowth {
  readonly tierId: string
  readonly growth: number
  readonly qualification?: { readonly growth: number; readonly partial: boolean }
}

/** Members whose tier the draft moves, counted over the pages read so far. */
export interface TierChangeCount {
  /** Growth already reaches a higher tier: upgraded on their next growth (never at publish). */
  readonly upgrades: number
  /** Would drop at their period's end if they earned nothing more, under the draft… */
  readonly downgradesAtPeriodEnd: number
  /** …and under the live programme, for comparison. */
  readonly downgradesAtPeriodEndLive: number
  /** On a tier the draft no longer has (publishing refuses a draft that drops a live tier). */
  readonly onRemovedTier: number
}

export const NO_TIER_CHANGES: TierChangeCount = {
  upgrades: 0,
  downgradesAtPeriodEnd: 0,
  downgradesAtPeriodEndLive: 0,
  onRemovedTier: 0,
}

/** Whether the member would drop at the end of their period under `programme` (a partial count never drops). */
function dropsAtPeriodEnd(programme: Programme, member: MemberGrowth, rank: number): boolean {
  const qualification = member.qualification
  if (!qualification || qualification.partial) return false
  const outcome = evaluateTierAtPeriodEnd(programme.tiers, {
    tierId: member.tierId,
    growth: member.growth,
    periodGrowth: qualification.growth,
    maxStepsDown: programme.maxTierStepsDown,
  })
  return programme.tiers.indexOf(outcome.tier) < rank
}

/** Adds one member to the count. */
export function countTierChange(
  count: TierChangeCount,
  member: MemberGrowth,
  programmes: { readonly live: Programme; readonly draft: Programme },
): TierChangeCount {
  const { live, draft } = programmes
  const rank = draft.tiers.findIndex((tier) => tier.id === member.tierId)
  if (rank < 0) return { ...count, onRemovedTier: count.onRemovedTier + 1 }
  const liveRank = live.tiers.findIndex((tier) => tier.id === member.tierId)
  const reached = draft.tiers.indexOf(tierForGrowth(draft.tiers, member.growth))
  return {
    upgrades: count.upgrades + (reached > rank ? 1 : 0),
    downgradesAtPeriodEnd: count.downgradesAtPeriodEnd + (dropsAtPeriodEnd(draft, member, rank) ? 1 : 0),
    downgradesAtPeriodEndLive:
      count.downgradesAtPeriodEndLive + (liveRank >= 0 && dropsAtPeriodEnd(live, member, liveRank) ? 1 : 0),
    onRemovedTier: count.onRemovedTier,
  }
}

/** Sums the counts of two pages. */
export function addTierChanges(a: TierChangeCount, b: TierChangeCount): TierChangeCount {
  return {
    upgrades: a.upgrades + b.upgrades,
    downgradesAtPeriodEnd: a.downgradesAtPeriodEnd + b.downgradesAtPeriodEnd,
    downgradesAtPeriodEndLive: a.downgradesAtPeriodEndLive + b.downgradesAtPeriodEndLive,
    onRemovedTier: a.onRemovedTier + b.onRemovedTier,
  }
}

/**
 * Live tier ids the draft drops. Members hold tier ids, and the tier rules throw on an unknown one, so
 * a tier may be renamed or re-priced but not removed while the live programme has it.
 */
export function removedTierIds(live: Programme, draft: Programme): readonly string[] {
  const kept = new Set(draft.tiers.map((tier) => tier.id))
  return live.tiers.map((tier) => tier.id).filter((id) => !kept.has(id))
}

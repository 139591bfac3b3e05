import type { Gift, Tier } from '../programme/schema'
import { tierForGrowth, tierRankOf } from './tierForGrowth'

/** An upgrade gift that became due, with the tier that brings it. */
export interface DueUpgradeGift {
  readonly tierId: string
  readonly gift: Gift
}

/** What a growth change did to a member's tier. */
export interface TierUpgrade {
  readonly tier: Tier
  readonly upgraded: boolean
  /** Every tier newly reached, lowest first: a big purchase can cross several thresholds at once. */
  readonly reachedTiers: readonly Tier[]
  /** Upgrade gifts of the reached tiers that give anything. */
  readonly dueGifts: readonly DueUpgradeGift[]
}

function giftIsEmpty(gift: Gift): boolean {
  return gift.points === 0 && gift.couponTemplateIds.length === 0
}

/**
 * Upgrades are immediate: when growth crosses a threshold above the member's tier, the member moves
 * up and each crossed tier's upgrade gift becomes due. Tiers never go down here; downgrades happen
 * only at the end of a qualification period (`evaluateTierAtPeriodEnd`).
 */
export function tierUpgrade(tiers: readonly Tier[], options: { tierId: string; growth: number }): TierUpgrade {
  const currentRank = tierRankOf(tiers, options.tierId)
  const target = tierForGrowth(tiers, options.growth)
  const targetRank = tierRankOf(tiers, target.id)
  const reachedTiers = targetRank > currentRank ? tiers.slice(currentRank + 1, targetRank + 1) : []
  return {
    tier: reachedTiers.length > 0 ? target : (tiers[currentRank] as Tier),
    upgraded: reachedTiers.length > 0,
    reachedTiers,
    dueGifts: reachedTiers
      .filter((tier) => !giftIsEmpty(tier.upgradeGift))
      .map((tier) => ({ tierId: tier.id, gift: tier.upgradeGift })),
  }
}

/**
 * The idempotency key of an upgrade gift: once per member, tier and qualification period, so a
 * member who drops and climbs back within the same period is not paid twice.
 */
export function upgradeGiftKey(options: { memberId: string; tierId: string; periodStartDay: string }): string {
  return `upgrade_${options.memberId}_${options.tierId}_${options.periodStartDay}`
}

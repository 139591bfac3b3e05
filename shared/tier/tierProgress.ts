import type { Tier } from '../programme/schema'
import { tierById, tierRankOf } from './tierForGrowth'

/** Where a member stands: their tier, the next one and how much growth is still missing. */
export interface TierProgress {
  readonly tier: Tier
  readonly nextTier: Tier | null
  /** Growth still needed for the next tier; 0 at the top tier. */
  readonly growthToNextTier: number
  /** Progress from this tier's threshold to the next one, 0–100, rounded down; 100 at the top. */
  readonly percent: number
}

/**
 * Progress for the member card. The member's stored tier is used rather than the tier their growth
 * points at, because after a downgrade the two can differ until growth is earned again.
 */
export function tierProgress(tiers: readonly Tier[], options: { tierId: string; growth: number }): TierProgress {
  const tier = tierById(tiers, options.tierId)
  const nextTier = tiers[tierRankOf(tiers, options.tierId) + 1] ?? null
  if (!nextTier) return { tier, nextTier, growthToNextTier: 0, percent: 100 }
  const span = nextTier.growthThreshold - tier.growthThreshold
  const gained = Math.min(Math.max(options.growth - tier.growthThreshold, 0), span)
  return {
    tier,
    nextTier,
    growthToNextTier: Math.max(nextTier.growthThreshold - options.growth, 0),
    percent: Math.floor((gained * 100) / span),
  }
}

import type { Tier } from '../programme/schema'
import { tierRankOf } from './tierForGrowth'

/** The outcome of a qualification-period evaluation. */
export interface TierEvaluation {
  readonly tier: Tier
  /** 0 when the member kept their tier. */
  readonly stepsDown: number
  /**
   * Growth after the evaluation. A member who drops restarts from the new tier's threshold, otherwise
   * their old growth would lift them straight back up on their next purchase.
   */
  readonly growth: number
}

/**
 * At the end of a qualification period, a member keeps their tier if the growth earned within the
 * period reaches its retention threshold; otherwise they drop to the highest lower tier whose
 * retention they meet, but never more than `maxStepsDown` tiers at once.
 */
export function evaluateTierAtPeriodEnd(
  tiers: readonly Tier[],
  options: { tierId: string; growth: number; periodGrowth: number; maxStepsDown: number },
): TierEvaluation {
  const currentRank = tierRankOf(tiers, options.tierId)
  const lowestAllowedRank = Math.max(currentRank - options.maxStepsDown, 0)
  let newRank = lowestAllowedRank
  for (let rank = currentRank; rank > lowestAllowedRank; rank -= 1) {
    if (options.periodGrowth >= (tiers[rank] as Tier).retentionGrowth) {
      newRank = rank
      break
    }
  }
  const tier = tiers[newRank] as Tier
  const stepsDown = currentRank - newRank
  return { tier, stepsDown, growth: stepsDown > 0 ? Math.min(options.growth, tier.growthThreshold) : options.growth }
}

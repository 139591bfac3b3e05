import type { Tier } from '../programme/schema'

/** The highest tier whose growth threshold the growth value reaches (a threshold is inclusive). */
export function tierForGrowth(tiers: readonly Tier[], growth: number): Tier {
  let reached = tiers[0]
  for (const tier of tiers) {
    if (growth >= tier.growthThreshold) reached = tier
  }
  if (!reached) throw new Error('a programme has at least one tier')
  return reached
}

/** Position of a tier in the programme's order (0 is the entry tier). Throws for an unknown id. */
export function tierRankOf(tiers: readonly Tier[], tierId: string): number {
  const rank = tiers.findIndex((tier) => tier.id === tierId)
  if (rank < 0) throw new Error(`unknown tier: ${tierId}`)
  return rank
}

/** The tier with an id. Throws for an unknown id: tier ids come from the validated programme. */
export function tierById(tiers: readonly Tier[], tierId: string): Tier {
  return tiers[tierRankOf(tiers, tierId)] as Tier
}

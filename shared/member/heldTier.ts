import type { Tier } from '../programme/schema'
import type { GrantedTier, Member } from './member'

/** The grant, when it still holds at `nowMs` and names a tier the programme has. */
export function validGrantOf(
  grant: GrantedTier | null | undefined,
  tiers: readonly Tier[],
  nowMs: number,
): GrantedTier | null {
  if (!grant || grant.untilMs <= nowMs) return null
  return tiers.some((tier) => tier.id === grant.tierId) ? grant : null
}

/**
 * The tier a member holds now, for everything a tier gives (the card, the counter, the points
 * multiplier, the birthday gift, tier-limited items and coupons): the tier earned by growth
 * (`tierId`), or a tier granted by hand above it while the grant lasts. The grant never rewrites
 * `tierId`, so when it ends the member is back on the earned tier with nothing to undo. Undefined
 * when neither tier is in the programme (a tier removed since).
 */
export function heldTierOf(
  member: Pick<Member, 'tierId' | 'grantedTier'>,
  tiers: readonly Tier[],
  nowMs: number,
): Tier | undefined {
  const earnedRank = tiers.findIndex((tier) => tier.id === member.tierId)
  const grant = validGrantOf(member.grantedTier, tiers, nowMs)
  const grantRank = grant === null ? -1 : tiers.findIndex((tier) => tier.id === grant.tierId)
  return tiers[Math.max(earnedRank, grantRank)]
}

/** The id of the tier a member holds now (see `heldTierOf`); the stored `tierId` when no tier of the programme is held. */
export function heldTierIdOf(
  member: Pick<Member, 'tierId' | 'grantedTier'>,
  tiers: readonly Tier[],
  nowMs: number,
): string {
  return heldTierOf(member, tiers, nowMs)?.id ?? member.tierId
}

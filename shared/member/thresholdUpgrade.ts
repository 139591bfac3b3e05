import type { Programme } from '../programme/schema'
import { tierUpgrade } from '../tier'
import { applyGrowth, type GrowthOutcome } from './applyGrowth'
import type { Member } from './member'

/**
 * A member whose growth already reaches a higher tier than the one they hold (a published programme
 * lowered a threshold) moves up as if they had just earned it: the tier now, never a step down, and
 * each crossed tier's gift under the key a purchase would use, so a gift is paid once whichever
 * path gets there first. Points are only ever added. Null when nothing is due.
 */
export function decideThresholdUpgrade(member: Member, programme: Programme, nowMs: number): GrowthOutcome | null {
  if (!programme.tiers.some((tier) => tier.id === member.tierId)) return null
  if (!tierUpgrade(programme.tiers, member).upgraded) return null
  return applyGrowth({ member, programme, growth: 0, nowMs })
}

/** The least growth that lifts a member of the first tier: members below it have nothing due. */
export function lowestUpgradeGrowth(programme: Programme): number | null {
  return programme.tiers[1]?.growthThreshold ?? null
}

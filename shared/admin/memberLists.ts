/**
 * The member lists a manager hands to 发券 (dormant members, birthdays this month, members close to
 * their next tier, members whose points expire soon): what each list asks the database for, as plain
 * values, and why a member is on it. Each list is one indexed condition on the member document, so a
 * page of a list costs one query whatever the number of members.
 */
import type { PointsWallet } from '../ledger'
import type { Tier } from '../programme/schema'
import { type DayKey, daysInMonth } from '../time/calendarDay'

const DAY_MS = 86_400_000

export const MEMBER_LIST_KINDS = ['dormant', 'birthdays', 'nearTier', 'expiringPoints'] as const
export type MemberListKind = (typeof MEMBER_LIST_KINDS)[number]

/** Bounds of each list's one number: days without a visit, growth short of the next tier, days until points expire. */
export const DORMANT_DAYS_MAX = 365
export const NEAR_TIER_GROWTH_MAX = 100_000
export const EXPIRING_DAYS_MAX = 90

/** Members whose last visit was before this instant have had no visit for `days` days. */
export function dormantBeforeMs(nowMs: number, days: number): number {
  return nowMs - days * DAY_MS
}

/** Every `MM-DD` birthday of the month `today` is in (29 February included: a member may have it). */
export function birthdaysOfMonth(today: DayKey): string[] {
  const month = today.slice(5, 7)
  // 2024 is a leap year: every birthday a month can hold.
  const days = daysInMonth(2024, Number(month))
  return Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`)
}

/** A tier's members who are at most `growthShort` short of the next tier's threshold. */
export interface NearTierBand {
  readonly tierId: string
  readonly minGrowth: number
  /** The next tier's threshold: at it the member is upgraded, so no longer short. */
  readonly belowGrowth: number
  readonly nextTier: Pick<Tier, 'id' | 'name'>
}

/** One band per tier that has a next tier, in the programme's order. */
export function nearTierBands(tiers: readonly Tier[], growthShort: number): NearTierBand[] {
  return tiers.slice(0, -1).map((tier, index) => {
    const next = tiers[index + 1] as Tier
    return {
      tierId: tier.id,
      minGrowth: Math.max(tier.growthThreshold, next.growthThreshold - growthShort),
      belowGrowth: next.growthThreshold,
      nextTier: { id: next.id, name: next.name },
    }
  })
}

/** Points that expire before `untilMs` (and are still usable at `nowMs`), and the first such expiry. */
export function expiringPointsOf(
  wallet: PointsWallet,
  nowMs: number,
  untilMs: number,
): { points: number; firstExpiresAtMs: number | null } {
  const lots = wallet.lots.filter(
    (lot) => lot.expiresAtMs !== null && lot.expiresAtMs > nowMs && lot.expiresAtMs <= untilMs,
  )
  return {
    points: lots.reduce((sum, lot) => sum + lot.amount, 0),
    firstExpiresAtMs: lots[0]?.expiresAtMs ?? null,
  }
}

import type { CheckInRules } from '../programme/schema'

/** What a check-in on a day of the cycle gives, split into the daily base and the streak bonus. */
export interface CheckInReward {
  readonly basePoints: number
  readonly bonusPoints: number
  readonly points: number
  readonly baseGrowth: number
  readonly bonusGrowth: number
  readonly growth: number
}

/** The reward for checking in on a given day of the cycle (1 is the first day). */
export function rewardForCycleDay(cycleDay: number, rules: CheckInRules): CheckInReward {
  const bonus = rules.streakBonuses.find((candidate) => candidate.cycleDay === cycleDay)
  const bonusPoints = bonus?.points ?? 0
  const bonusGrowth = bonus?.growth ?? 0
  return {
    basePoints: rules.basePoints,
    bonusPoints,
    points: rules.basePoints + bonusPoints,
    baseGrowth: rules.baseGrowth,
    bonusGrowth,
    growth: rules.baseGrowth + bonusGrowth,
  }
}

/** A makeup check-in earns the daily base only: streak bonuses reward showing up, not catching up. */
export function makeupReward(rules: CheckInRules): CheckInReward {
  return { ...rewardForCycleDay(0, rules), bonusPoints: 0, bonusGrowth: 0 }
}

import type { Campaign } from '../programme/schema'
import { type DayKey, isoWeekdayOf } from '../time/calendarDay'

/** Month (1–12) and day of a member's birthday; the year is not needed and often not given. */
export interface Birthday {
  readonly month: number
  readonly day: number
}

/** Whether a campaign's rule covers a business day for a member with this birthday. */
export function campaignApplies(campaign: Campaign, options: { day: DayKey; birthday: Birthday | null }): boolean {
  const rule = campaign.rule
  switch (rule.kind) {
    case 'weekdays':
      return rule.weekdays.includes(isoWeekdayOf(options.day))
    case 'dateRange':
      return options.day >= rule.fromDay && options.day <= rule.toDay
    case 'birthdayMonth':
      return options.birthday !== null && Number(options.day.slice(5, 7)) === options.birthday.month
  }
}

/**
 * The campaigns whose multiplier applies: all of them when they stack, otherwise only the one with
 * the largest multiplier (the first listed wins a tie, so the outcome never depends on sorting).
 */
export function campaignsApplying(
  campaigns: readonly Campaign[],
  options: { day: DayKey; birthday: Birthday | null; stacking: 'stack' | 'highest' },
): Campaign[] {
  const applying = campaigns.filter((campaign) => campaignApplies(campaign, options))
  if (options.stacking === 'stack' || applying.length === 0) return applying
  const highest = applying.reduce((best, campaign) =>
    campaign.multiplierPercent > best.multiplierPercent ? campaign : best,
  )
  return [highest]
}

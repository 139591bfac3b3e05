import { addDays, type DayKey, daysBetween } from '../time/calendarDay'
import type { DailyStats } from './dailyStats'
import { addFigures, type StatFigures, ZERO_FIGURES } from './figures'

/** The longest range the dashboard reads at once: a quarter, and the one before it to compare. */
export const DASHBOARD_RANGE_DAYS_MAX = 92

/** A range of business days, both ends included. */
export interface DayRange {
  readonly from: DayKey
  readonly to: DayKey
}

/** The range of the same length just before `range`: what the dashboard compares with. */
export function previousRangeOf(range: DayRange): DayRange {
  const length = daysBetween(range.from, range.to) + 1
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) }
}

/** One day's figures, for the trend lines. */
export interface DayFigures {
  readonly day: DayKey
  readonly figures: StatFigures
}

/** Every day of `range` with its figures (zero on a day nothing happened), the stores' added up. */
export function daysOf(range: DayRange, dailies: readonly Pick<DailyStats, 'day' | 'figures'>[]): DayFigures[] {
  const byDay = new Map<DayKey, StatFigures>()
  for (const daily of dailies) byDay.set(daily.day, addFigures(byDay.get(daily.day) ?? ZERO_FIGURES, daily.figures))
  const days: DayFigures[] = []
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    days.push({ day, figures: byDay.get(day) ?? ZERO_FIGURES })
  }
  return days
}

/** A range's figures added up. */
export function totalOf(days: readonly DayFigures[]): StatFigures {
  return days.reduce((total, day) => addFigures(total, day.figures), ZERO_FIGURES)
}

/** The ratios the dashboard shows beside the counts; null where the count below is zero. */
export interface DerivedFigures {
  /** 核销率: coupons verified per coupon issued in the range. */
  readonly verificationRate: number | null
  /** 客单价 (fen): the average purchase, reversals left in. */
  readonly averageTicketFen: number | null
  /** The change of the points outstanding over the range. */
  readonly pointsOutstandingChange: number
}

export function derivedOf(figures: StatFigures): DerivedFigures {
  return {
    verificationRate: figures.couponsIssued === 0 ? null : figures.couponsVerified / figures.couponsIssued,
    averageTicketFen: figures.purchases === 0 ? null : Math.round(figures.purchaseAmountFen / figures.purchases),
    pointsOutstandingChange:
      figures.pointsEarned +
      figures.pointsSpent +
      figures.pointsExpired +
      figures.pointsReversed +
      figures.pointsAdjusted,
  }
}

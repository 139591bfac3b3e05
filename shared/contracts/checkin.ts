/**
 * The `checkin` cloud function: the month calendar, today's check-in and makeup check-ins.
 */
import { z } from 'zod'
import { isDayKey, isMonthKey } from '../time/calendarDay'
import type { GiftCouponOutcome } from './gifts'

export const checkInStatusInput = z
  .object({
    /** `YYYY-MM`; the current business month when absent. */
    month: z.string().refine(isMonthKey, '月份格式应为 YYYY-MM').optional(),
  })
  .strict()

export const checkInInput = z.object({}).strict()

export const makeupInput = z
  .object({
    /** The missed business day to make up, `YYYY-MM-DD`. */
    day: z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD'),
  })
  .strict()

/** One day of the calendar grid. */
export interface CalendarDay {
  readonly day: string
  readonly dayOfMonth: number
  readonly checked: boolean
  readonly isToday: boolean
  readonly isFuture: boolean
  readonly canMakeUp: boolean
}

/** What the check-in page shows. */
export interface CheckInStatus {
  readonly today: string
  readonly month: string
  /** Blank cells before the 1st in a Monday-first grid. */
  readonly leadingBlankDays: number
  readonly days: readonly CalendarDay[]
  readonly checkedInToday: boolean
  /** The current streak (day of the cycle), 0 when broken. */
  readonly streak: number
  readonly cycleLengthDays: number
  /** The next streak bonus if the member keeps checking in daily. */
  readonly nextReward: {
    readonly inDays: number
    readonly cycleDay: number
    readonly points: number
    readonly growth: number
  } | null
  /** Points a normal check-in gives today (base, plus a bonus on bonus days). */
  readonly todayPoints: number
  readonly makeup: {
    readonly enabled: boolean
    readonly costPoints: number
    readonly remainingThisMonth: number
  }
}

/** What a check-in (or a makeup) gave. */
export interface CheckInResult {
  readonly day: string
  readonly streak: number
  readonly points: number
  readonly growth: number
  readonly balance: number
  /** Set when the growth lifted the member into a new tier. */
  readonly upgradedTo: { readonly id: string; readonly name: string } | null
  /** The upgrade gift's coupons, when the growth crossed a tier with one. */
  readonly upgradeGiftCoupons?: readonly GiftCouponOutcome[]
}

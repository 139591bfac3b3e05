/**
 * The dashboard (`admin.dashboard`): a range of business days' figures for the chain or one store,
 * beside the range before it.
 */
import { z } from 'zod'
import type { DayFigures, DayRange, DerivedFigures } from '../stats/dashboard'
import { DASHBOARD_RANGE_DAYS_MAX } from '../stats/dashboard'
import type { StatFigures } from '../stats/figures'
import { daysBetween, isDayKey } from '../time/calendarDay'

const dayKey = z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD')

export const dashboardInput = z
  .object({
    from: dayKey,
    to: dayKey,
    /** One store's figures; absent: the chain's (admins), or the manager's own store. */
    storeId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (!isDayKey(input.from) || !isDayKey(input.to)) return
    if (input.to < input.from) context.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
    else if (daysBetween(input.from, input.to) + 1 > DASHBOARD_RANGE_DAYS_MAX)
      context.addIssue({ code: 'custom', path: ['to'], message: `一次最多查看 ${DASHBOARD_RANGE_DAYS_MAX} 天` })
  })

/** A range's figures: each day's, the total and its ratios. */
export interface DashboardRange {
  readonly range: DayRange
  readonly days: readonly DayFigures[]
  readonly total: StatFigures
  readonly derived: DerivedFigures
}

export interface DashboardResult {
  /** The store the figures are for; null: the whole chain. */
  readonly storeId: string | null
  readonly current: DashboardRange
  /** The range of the same length just before, to compare with. */
  readonly previous: DashboardRange
}

/**
 * The dashboard (`admin.dashboard`): a range of business days' figures for the chain or one store,
 * beside the range before it.
 */
import { z } from 'zod'
import type { FieldChanges } from '../admin/fieldChanges'
import type { DayFigures, DayRange, DerivedFigures } from '../stats/dashboard'
import { DASHBOARD_RANGE_DAYS_MAX } from '../stats/dashboard'
import type { StatFigures } from '../stats/figures'
import type { SnapshotFigures } from '../stats/memberSnapshot'
import { type RfmThresholds, rfmThresholdsSchema } from '../stats/rfm'
import type { DayKey } from '../time/calendarDay'
import { checkDayRange, dayKeySchema as dayKey } from './dayRange'
import { requestIdSchema } from './requestId'

/**
 * Either the last `lastDays` business days up to today (the programme's today, which the server
 * knows: 今天, 近 7 天, 近 30 天) or a custom range `from`…`to`.
 */
export const dashboardInput = z
  .object({
    lastDays: z.number().int('天数必须是整数').min(1, '至少 1 天').max(DASHBOARD_RANGE_DAYS_MAX).optional(),
    from: dayKey.optional(),
    to: dayKey.optional(),
    /** One store's figures; absent: the chain's (admins), or the manager's own store. */
    storeId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.lastDays !== undefined) {
      if (input.from !== undefined || input.to !== undefined)
        context.addIssue({ code: 'custom', path: ['lastDays'], message: '最近天数与日期范围只能选一种' })
      return
    }
    checkDayRange(input, context, {
      daysMax: DASHBOARD_RANGE_DAYS_MAX,
      tooLong: `一次最多查看 ${DASHBOARD_RANGE_DAYS_MAX} 天`,
    })
  })

/** A range's figures: each day's, the total and its ratios. */
export interface DashboardRange {
  readonly range: DayRange
  readonly days: readonly DayFigures[]
  readonly total: StatFigures
  readonly derived: DerivedFigures
}

/** The members as a day closed (`snapshotMembers`), for the dashboard. */
export interface MemberSnapshotView {
  /** The day it closes: the range's last day, or the latest before it with a snapshot. */
  readonly day: DayKey
  readonly asOfMs: number
  /** The thresholds its RFM groups were scored with. */
  readonly thresholds: RfmThresholds
  readonly figures: SnapshotFigures
  /** 复购率: repeat purchasers / purchasers over the 30 days before; null without purchasers. */
  readonly repeatRate: number | null
}

/** The member snapshots of both ranges' last days, and the thresholds the next snapshot scores with. */
export interface DashboardSnapshots {
  readonly current: MemberSnapshotView | null
  readonly previous: MemberSnapshotView | null
  readonly thresholds: RfmThresholds
}

export interface DashboardResult {
  /** The store the figures are for; null: the whole chain. */
  readonly storeId: string | null
  readonly current: DashboardRange
  /** The range of the same length just before, to compare with. */
  readonly previous: DashboardRange
  readonly snapshots: DashboardSnapshots
}

/** `admin.saveRfmThresholds`: the RFM thresholds the next snapshots score with (admins). */
export const saveRfmThresholdsInput = z.object({ requestId: requestIdSchema, thresholds: rfmThresholdsSchema }).strict()

export interface SaveRfmThresholdsResult {
  readonly thresholds: RfmThresholds
  /** What changed (before/after), as the audit entry records it. */
  readonly changes: FieldChanges
}

/**
 * RFM (recency, frequency, monetary): each member scored high or low on three thresholds an admin
 * sets, which gives the classic eight groups; members with no purchase on record are a ninth bucket,
 * since "low on everything" would lump them with lapsed buyers.
 */
import { z } from 'zod'
import type { PurchaseSummary } from '../member/purchaseSummary'

const DAY_MS = 86_400_000

/** What counts as high: a purchase within `recencyDays`, `frequency` purchases or more, `monetaryFen` or more spent. */
export interface RfmThresholds {
  readonly recencyDays: number
  readonly frequency: number
  readonly monetaryFen: number
}

/** Thirty days, two purchases, ¥200: a café's "regular". */
export const DEFAULT_RFM_THRESHOLDS: RfmThresholds = { recencyDays: 30, frequency: 2, monetaryFen: 20_000 }

export const rfmThresholdsSchema = z
  .object({
    recencyDays: z.number().int('天数必须是整数').min(1, '至少 1 天').max(365, '最多 365 天'),
    frequency: z.number().int('次数必须是整数').min(1, '至少 1 次').max(1000, '最多 1000 次'),
    monetaryFen: z.number().int('金额必须精确到分').min(1, '金额至少 0.01 元').max(100_000_000, '金额最多 100 万元'),
  })
  .strict()

/** The groups, most valuable first, then the never-purchased bucket. */
export const RFM_GROUPS = [
  'importantValue',
  'importantDevelop',
  'importantKeep',
  'importantRetain',
  'generalValue',
  'generalDevelop',
  'generalKeep',
  'generalRetain',
  'noPurchase',
] as const
export type RfmGroup = (typeof RFM_GROUPS)[number]

export const RFM_GROUP_NAMES: Readonly<Record<RfmGroup, string>> = {
  importantValue: '重要价值',
  importantDevelop: '重要发展',
  importantKeep: '重要保持',
  importantRetain: '重要挽留',
  generalValue: '一般价值',
  generalDevelop: '一般发展',
  generalKeep: '一般保持',
  generalRetain: '一般挽留',
  noPurchase: '未消费',
}

/** Indexed by M (high: 重要), then R, then F, each high first. */
const GROUP_BY_SCORE: readonly (readonly (readonly RfmGroup[])[])[] = [
  [
    ['importantValue', 'importantDevelop'],
    ['importantKeep', 'importantRetain'],
  ],
  [
    ['generalValue', 'generalDevelop'],
    ['generalKeep', 'generalRetain'],
  ],
]

/** Whether a last purchase at `lastAtMs` is recent at `nowMs`: within `recencyDays` before it. */
export function isRecent(lastAtMs: number | null, recencyDays: number, nowMs: number): boolean {
  return lastAtMs !== null && lastAtMs > nowMs - recencyDays * DAY_MS
}

/** The member's group at `nowMs`. A member whose purchases were all reversed counts as never purchased. */
export function rfmGroupOf(summary: PurchaseSummary, thresholds: RfmThresholds, nowMs: number): RfmGroup {
  if (summary.count === 0) return 'noPurchase'
  const high = (yes: boolean) => (yes ? 0 : 1)
  const monetary = high(summary.amountFen >= thresholds.monetaryFen)
  const recency = high(isRecent(summary.lastAtMs, thresholds.recencyDays, nowMs))
  const frequency = high(summary.count >= thresholds.frequency)
  const group = GROUP_BY_SCORE[monetary]?.[recency]?.[frequency]
  if (group === undefined) throw new Error('unreachable RFM score')
  return group
}

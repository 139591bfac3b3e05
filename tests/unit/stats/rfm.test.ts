import { NO_PURCHASES, type PurchaseSummary } from '@shared/member'
import { DEFAULT_RFM_THRESHOLDS, RFM_GROUP_NAMES, rfmGroupOf, rfmThresholdsSchema } from '@shared/stats/rfm'

const DAY_MS = 86_400_000
const NOW = Date.UTC(2026, 11, 1)
const thresholds = { recencyDays: 30, frequency: 2, monetaryFen: 20_000 }

function summary(count: number, amountFen: number, daysAgo: number): PurchaseSummary {
  return { count, amountFen, lastAtMs: NOW - daysAgo * DAY_MS, previousAtMs: null, sinceMs: 0 }
}

describe('RFM groups', () => {
  it.each([
    ['importantValue', 3, 30_000, 1],
    ['importantDevelop', 1, 30_000, 1],
    ['importantKeep', 3, 30_000, 60],
    ['importantRetain', 1, 30_000, 60],
    ['generalValue', 3, 5_000, 1],
    ['generalDevelop', 1, 5_000, 1],
    ['generalKeep', 3, 5_000, 60],
    ['generalRetain', 1, 5_000, 60],
  ] as const)('scores %s', (group, count, amountFen, daysAgo) => {
    expect(rfmGroupOf(summary(count, amountFen, daysAgo), thresholds, NOW)).toBe(group)
  })

  it('puts members with no purchase standing in their own bucket', () => {
    expect(rfmGroupOf(NO_PURCHASES, thresholds, NOW)).toBe('noPurchase')
    expect(rfmGroupOf({ ...summary(0, 0, 1), lastAtMs: null }, thresholds, NOW)).toBe('noPurchase')
    expect(RFM_GROUP_NAMES.noPurchase).toBe('未消费')
    expect(RFM_GROUP_NAMES.importantRetain).toBe('重要挽留')
  })

  it('counts high from the threshold on, and recent strictly within the days', () => {
    expect(rfmGroupOf(summary(2, 20_000, 29), thresholds, NOW)).toBe('importantValue')
    expect(rfmGroupOf(summary(2, 19_999, 30), thresholds, NOW)).toBe('generalKeep')
    // A reversal that forgot the last instant leaves a count without a date: not recent.
    expect(rfmGroupOf({ ...summary(1, 30_000, 0), lastAtMs: null }, thresholds, NOW)).toBe('importantRetain')
  })

  it('validates thresholds an admin sets', () => {
    expect(rfmThresholdsSchema.safeParse(DEFAULT_RFM_THRESHOLDS).success).toBe(true)
    expect(rfmThresholdsSchema.safeParse({ ...thresholds, recencyDays: 0 }).success).toBe(false)
    expect(rfmThresholdsSchema.safeParse({ ...thresholds, monetaryFen: 1.5 }).success).toBe(false)
    expect(rfmThresholdsSchema.safeParse({ ...thresholds, extra: 1 }).success).toBe(false)
  })
})

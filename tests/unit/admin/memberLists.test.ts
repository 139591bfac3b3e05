import { birthdaysOfMonth, dormantBeforeMs, expiringPointsOf, nearTierBands } from '@shared/admin/memberLists'
import { memberListInput } from '@shared/contracts'
import { programmeSchema } from '@shared/programme/schema'
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'

const DAY_MS = 86_400_000
const NOW = Date.UTC(2026, 10, 23, 4)

describe('member lists', () => {
  it('counts a dormant spell back from now', () => {
    expect(dormantBeforeMs(NOW, 30)).toBe(NOW - 30 * DAY_MS)
  })

  it.each([
    ['2026-02-10', 29, '02-29'],
    ['2026-11-23', 30, '11-30'],
    ['2026-12-01', 31, '12-31'],
  ])('lists every birthday of the month of %s (%i days, the last %s)', (today, days, last) => {
    const birthdays = birthdaysOfMonth(today)
    expect(birthdays).toHaveLength(days)
    expect(birthdays[0]).toBe(`${today.slice(5, 7)}-01`)
    expect(birthdays.at(-1)).toBe(last)
  })

  it('bands each tier but the top below the next threshold, never below its own', () => {
    const { tiers } = programmeSchema.parse(DEMO_PROGRAMME_INPUT)
    expect(nearTierBands(tiers, 100)).toEqual([
      { tierId: 'regular', minGrowth: 400, belowGrowth: 500, nextTier: { id: 'silver', name: '银卡会员' } },
      { tierId: 'silver', minGrowth: 1900, belowGrowth: 2000, nextTier: { id: 'gold', name: '金卡会员' } },
      { tierId: 'gold', minGrowth: 5900, belowGrowth: 6000, nextTier: { id: 'black', name: expect.any(String) } },
    ])
    // A gap wider than the tier: the band starts at the tier's own threshold.
    expect(nearTierBands(tiers, 10_000).map((band) => band.minGrowth)).toEqual([0, 500, 2000])
  })

  it('adds up the points expiring within the window, after now, and names the first expiry', () => {
    const wallet = {
      balance: 350,
      lots: [
        { expiresAtMs: NOW - 1, amount: 50 },
        { expiresAtMs: NOW + DAY_MS, amount: 100 },
        { expiresAtMs: NOW + 7 * DAY_MS, amount: 120 },
        { expiresAtMs: NOW + 8 * DAY_MS, amount: 30 },
        { expiresAtMs: null, amount: 50 },
      ],
    }
    expect(expiringPointsOf(wallet, NOW, NOW + 7 * DAY_MS)).toEqual({ points: 220, firstExpiresAtMs: NOW + DAY_MS })
    expect(expiringPointsOf(wallet, NOW + 9 * DAY_MS, NOW + 30 * DAY_MS)).toEqual({ points: 0, firstExpiresAtMs: null })
  })

  it('takes each list with its own number only', () => {
    expect(memberListInput.safeParse({ list: 'dormant', days: 30 }).success).toBe(true)
    expect(memberListInput.safeParse({ list: 'birthdays', days: 30 }).success).toBe(false)
    expect(memberListInput.safeParse({ list: 'nearTier', days: 30 }).success).toBe(false)
    expect(memberListInput.safeParse({ list: 'expiringPoints', days: 90, storeId: 'store-1' }).success).toBe(true)
  })
})

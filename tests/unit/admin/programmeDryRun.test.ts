import {
  addTierChanges,
  countTierChange,
  NO_TIER_CHANGES,
  removedTierIds,
  sampleEarning,
} from '@shared/admin/programmeDryRun'
import type { Programme } from '@shared/programme/schema'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const live = DEMO_PROGRAMME
/** 2026-12-03 12:00 in Shanghai, a Thursday; the demo's double-points day is Wednesday. */
const THURSDAY_NOON = Date.UTC(2026, 11, 3, 4)
const WEDNESDAY_NOON = THURSDAY_NOON - 86_400_000

/** The demo programme with silver reachable at 300 growth and kept with 50 a period. */
const draft: Programme = {
  ...live,
  tiers: live.tiers.map((tier) =>
    tier.id === 'silver' ? { ...tier, growthThreshold: 300, retentionGrowth: 50 } : tier,
  ),
}

describe('the dry run’s sample earning', () => {
  it('earns what the counter would: 1 point a yuan, the tier multiplier, the weekday campaign', () => {
    const purchase = { amountFen: 10_000, tierId: 'regular', purchasedAtMs: THURSDAY_NOON }
    expect(sampleEarning(live, purchase, 0)).toEqual({
      purchasePoints: 100,
      purchaseGrowth: 100,
      checkInPoints: 0,
      checkInGrowth: 0,
    })
    expect(sampleEarning(live, { ...purchase, tierId: 'silver' }, 0).purchasePoints).toBe(120)
    expect(sampleEarning(live, { ...purchase, purchasedAtMs: WEDNESDAY_NOON }, 0).purchasePoints).toBe(200)
  })

  it('earns at the first tier’s rate for a tier id the programme lacks', () => {
    const purchase = { amountFen: 10_000, tierId: 'platinum', purchasedAtMs: THURSDAY_NOON }
    expect(sampleEarning(live, purchase, 0).purchasePoints).toBe(100)
  })

  it('adds a week of check-ins: 5 a day, 10 more on day 3, 30 and 5 growth more on day 7', () => {
    const purchase = { amountFen: 100, tierId: 'regular', purchasedAtMs: THURSDAY_NOON }
    expect(sampleEarning(live, purchase, 7)).toMatchObject({ checkInPoints: 75, checkInGrowth: 12 })
    const noBonus: Programme = { ...live, checkIn: { ...live.checkIn, streakBonuses: [] } }
    expect(sampleEarning(noBonus, purchase, 7)).toMatchObject({ checkInPoints: 35, checkInGrowth: 7 })
  })
})

describe('the dry run’s tier count', () => {
  const programmes = { live, draft }

  it('counts a member the draft’s lower threshold lifts as an upgrade, not one it leaves below', () => {
    const lifted = countTierChange(NO_TIER_CHANGES, { tierId: 'regular', growth: 400 }, programmes)
    expect(lifted).toEqual({ ...NO_TIER_CHANGES, upgrades: 1 })
    expect(countTierChange(NO_TIER_CHANGES, { tierId: 'regular', growth: 299 }, programmes)).toEqual(NO_TIER_CHANGES)
  })

  it('counts period-end drops under the draft and the live programme apart; a partial period never drops', () => {
    const silver = { tierId: 'silver', growth: 600, qualification: { growth: 100, partial: false } }
    // 100 growth this period keeps silver under the draft (50) but not under the live programme (300).
    expect(countTierChange(NO_TIER_CHANGES, silver, programmes)).toEqual({
      ...NO_TIER_CHANGES,
      downgradesAtPeriodEndLive: 1,
    })
    const idle = { ...silver, qualification: { growth: 0, partial: false } }
    expect(countTierChange(NO_TIER_CHANGES, idle, programmes)).toEqual({
      ...NO_TIER_CHANGES,
      downgradesAtPeriodEnd: 1,
      downgradesAtPeriodEndLive: 1,
    })
    const joinedLate = { ...idle, qualification: { growth: 0, partial: true } }
    expect(countTierChange(NO_TIER_CHANGES, joinedLate, programmes)).toEqual(NO_TIER_CHANGES)
  })

  it('counts members on a tier the draft drops, and names the dropped tiers', () => {
    const withoutBlack: Programme = { ...live, tiers: live.tiers.filter((tier) => tier.id !== 'black') }
    const count = countTierChange(NO_TIER_CHANGES, { tierId: 'black', growth: 7000 }, { live, draft: withoutBlack })
    expect(count).toEqual({ ...NO_TIER_CHANGES, onRemovedTier: 1 })
    expect(removedTierIds(live, withoutBlack)).toEqual(['black'])
    expect(removedTierIds(live, draft)).toEqual([])
  })

  it('adds two pages’ counts field by field', () => {
    const a = { upgrades: 1, downgradesAtPeriodEnd: 2, downgradesAtPeriodEndLive: 3, onRemovedTier: 4 }
    const b = { upgrades: 10, downgradesAtPeriodEnd: 20, downgradesAtPeriodEndLive: 30, onRemovedTier: 40 }
    expect(addTierChanges(a, b)).toEqual({
      upgrades: 11,
      downgradesAtPeriodEnd: 22,
      downgradesAtPeriodEndLive: 33,
      onRemovedTier: 44,
    })
  })
})

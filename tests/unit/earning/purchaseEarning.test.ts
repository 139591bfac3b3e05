import { campaignApplies, campaignsApplying, PURCHASE_AMOUNT_FEN_MAX, purchaseEarning } from '@shared/earning'
import { parseProgramme } from '@shared/programme/parseProgramme'
import type { Campaign, Programme } from '@shared/programme/schema'
import { tierById } from '@shared/tier'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
const regular = tierById(programme.tiers, 'regular')
const gold = tierById(programme.tiers, 'gold')
// Shanghai noon on a Tuesday and on a Wednesday (2026-11-24 and 2026-11-25).
const tuesdayNoon = Date.UTC(2026, 10, 24, 4)
const wednesdayNoon = Date.UTC(2026, 10, 25, 4)

function withEarning(changes: Partial<Programme['earning']>): Programme {
  const parsed = parseProgramme({ ...programme, earning: { ...programme.earning, ...changes } })
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.data
}

describe('purchaseEarning', () => {
  it('gives 1 point and 1 growth per whole yuan, rounded down', () => {
    expect(
      purchaseEarning(programme, { amountFen: 8850, tier: regular, birthday: null, purchasedAtMs: tuesdayNoon }),
    ).toEqual({
      points: 88,
      growth: 88,
      lines: [{ kind: 'base', points: 88 }],
    })
  })

  it('gives nothing for a purchase of ¥0.99', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 99,
      tier: regular,
      birthday: null,
      purchasedAtMs: tuesdayNoon,
    })
    expect(earning.points).toBe(0)
    expect(earning.growth).toBe(0)
  })

  it('applies the tier multiplier and shows what it added', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 10_000,
      tier: gold,
      birthday: null,
      purchasedAtMs: tuesdayNoon,
    })
    expect(earning.points).toBe(150)
    expect(earning.lines).toEqual([
      { kind: 'base', points: 100 },
      { kind: 'tier', tierId: 'gold', multiplierPercent: 150, points: 50 },
    ])
  })

  it('doubles points on Wednesdays in Shanghai even though the server clock is in UTC', () => {
    // 2026-11-24 16:30 UTC is already Wednesday 00:30 in Shanghai.
    const earning = purchaseEarning(programme, {
      amountFen: 5000,
      tier: regular,
      birthday: null,
      purchasedAtMs: Date.UTC(2026, 10, 24, 16, 30),
    })
    expect(earning.points).toBe(100)
    expect(earning.lines[1]).toMatchObject({ kind: 'campaign', campaignId: 'wednesday-double', points: 50 })
  })

  it('does not double at 23:59:59 on Tuesday in Shanghai', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 5000,
      tier: regular,
      birthday: null,
      purchasedAtMs: Date.UTC(2026, 10, 24, 15, 59, 59),
    })
    expect(earning.points).toBe(50)
  })

  it('applies only the highest campaign when campaigns do not stack', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 5000,
      tier: regular,
      birthday: { month: 11, day: 2 },
      purchasedAtMs: wednesdayNoon,
    })
    expect(earning.points).toBe(100)
    expect(earning.lines.filter((line) => line.kind === 'campaign')).toHaveLength(1)
  })

  it('multiplies every campaign that applies when they stack, tier first', () => {
    const stacking = withEarning({ campaignStacking: 'stack' })
    const earning = purchaseEarning(stacking, {
      amountFen: 5000,
      tier: gold,
      birthday: { month: 11, day: 2 },
      purchasedAtMs: wednesdayNoon,
    })
    // 50 → ×1.5 = 75 → ×2 = 150 → ×2 = 300
    expect(earning.points).toBe(300)
    expect(earning.lines.map((line) => line.points)).toEqual([50, 25, 75, 150])
  })

  it('rounds down at each multiplier step so the lines add up exactly', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 333,
      tier: gold,
      birthday: null,
      purchasedAtMs: tuesdayNoon,
    })
    // 3 → ×1.5 = 4.5 → 4
    expect(earning.points).toBe(4)
    expect(earning.lines.reduce((sum, line) => sum + line.points, 0)).toBe(earning.points)
  })

  it('caps points per purchase after multipliers and records the cut', () => {
    const earning = purchaseEarning(programme, {
      amountFen: 1_000_000,
      tier: gold,
      birthday: null,
      purchasedAtMs: wednesdayNoon,
    })
    expect(earning.points).toBe(5000)
    expect(earning.lines.at(-1)).toEqual({ kind: 'cap', capPoints: 5000, points: 5000 - 30_000 })
    expect(earning.lines.reduce((sum, line) => sum + line.points, 0)).toBe(5000)
    expect(earning.growth).toBe(10_000)
  })

  it('supports rates such as 1 point per 10 yuan', () => {
    const perTen = withEarning({ points: { amount: 1, perYuan: 10 } })
    expect(
      purchaseEarning(perTen, { amountFen: 9999, tier: regular, birthday: null, purchasedAtMs: tuesdayNoon }).points,
    ).toBe(9)
  })

  it.each([-1, 1.5, Number.NaN, PURCHASE_AMOUNT_FEN_MAX + 1])(
    'refuses an amount of %p fen as a programmer error',
    (amountFen) => {
      expect(() =>
        purchaseEarning(programme, { amountFen, tier: regular, birthday: null, purchasedAtMs: tuesdayNoon }),
      ).toThrow(RangeError)
    },
  )

  it('uses the business day with a cutoff hour: 02:00 on Thursday still counts as Wednesday', () => {
    const lateNight = parseProgramme({ ...programme, businessDayCutoffHour: 4 })
    if (!lateNight.ok) throw new Error(lateNight.message)
    const earning = purchaseEarning(lateNight.data, {
      amountFen: 5000,
      tier: regular,
      birthday: null,
      purchasedAtMs: Date.UTC(2026, 10, 25, 18), // Thursday 02:00 in Shanghai
    })
    expect(earning.points).toBe(100)
  })
})

describe('campaignApplies', () => {
  const range: Campaign = {
    id: 'golden-week',
    name: '国庆三倍积分',
    multiplierPercent: 300,
    rule: { kind: 'dateRange', fromDay: '2026-10-01', toDay: '2026-10-07' },
  }

  it.each([
    ['2026-09-30', false],
    ['2026-10-01', true],
    ['2026-10-07', true],
    ['2026-10-08', false],
  ])('covers a date range inclusively: %s → %p', (day, applies) => {
    expect(campaignApplies(range, { day, birthday: null })).toBe(applies)
  })

  it('never gives birthday-month points to a member without a birthday', () => {
    const birthdayCampaign = DEMO_PROGRAMME.earning.campaigns[1] as Campaign
    expect(campaignApplies(birthdayCampaign, { day: '2026-11-02', birthday: null })).toBe(false)
    expect(campaignApplies(birthdayCampaign, { day: '2026-11-02', birthday: { month: 11, day: 30 } })).toBe(true)
    expect(campaignApplies(birthdayCampaign, { day: '2026-12-02', birthday: { month: 11, day: 30 } })).toBe(false)
  })
})

describe('campaignsApplying', () => {
  it('keeps the first of equal multipliers when only the highest applies', () => {
    const applying = campaignsApplying(DEMO_PROGRAMME.earning.campaigns, {
      day: '2026-11-25',
      birthday: { month: 11, day: 1 },
      stacking: 'highest',
    })
    expect(applying.map((campaign) => campaign.id)).toEqual(['wednesday-double'])
  })

  it('returns nothing when no campaign applies', () => {
    expect(
      campaignsApplying(DEMO_PROGRAMME.earning.campaigns, { day: '2026-11-24', birthday: null, stacking: 'highest' }),
    ).toEqual([])
  })
})

import { parseProgramme } from '@shared/programme/parseProgramme'
import type { ProgrammeInput } from '@shared/programme/schema'
import { DEMO_PROGRAMME, DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'

function withChanges(change: (input: ProgrammeInput) => ProgrammeInput) {
  return parseProgramme(change(structuredClone(DEMO_PROGRAMME_INPUT)))
}

function errorMessageOf(result: ReturnType<typeof parseProgramme>): string {
  if (result.ok) throw new Error('expected the programme to be rejected')
  expect(result.code).toBe('INVALID_PROGRAMME')
  return result.message
}

describe('the demo programme', () => {
  it('is a café chain with four tiers, 1 point per yuan, double Wednesdays and a 7-day check-in cycle', () => {
    expect(DEMO_PROGRAMME.tiers.map((tier) => tier.name)).toEqual(['普通会员', '银卡会员', '金卡会员', '黑金会员'])
    expect(DEMO_PROGRAMME.earning.points).toEqual({ amount: 1, perYuan: 1 })
    expect(DEMO_PROGRAMME.earning.campaigns[0]).toMatchObject({ multiplierPercent: 200, rule: { weekdays: [3] } })
    expect(DEMO_PROGRAMME.checkIn.cycle).toEqual({ kind: 'rolling', lengthDays: 7 })
    expect(DEMO_PROGRAMME.checkIn.streakBonuses.map((bonus) => bonus.cycleDay)).toEqual([3, 7])
    expect(DEMO_PROGRAMME.pointsExpiry).toEqual({ kind: 'endOfFollowingYear' })
  })

  it('gets defaults filled in for what it leaves out', () => {
    expect(DEMO_PROGRAMME.tiers[0]).toMatchObject({ pointsMultiplierPercent: 100, memberPricePercent: 100 })
    expect(DEMO_PROGRAMME.tiers[0]?.upgradeGift).toEqual({ points: 0, couponTemplateIds: [] })
  })
})

describe('parseProgramme', () => {
  it('rejects overlapping tiers and names both tiers', () => {
    const result = withChanges((input) => {
      const tiers = input.tiers.map((tier) => ({ ...tier }))
      ;(tiers[2] as { growthThreshold: number }).growthThreshold = 500
      return { ...input, tiers }
    })
    expect(errorMessageOf(result)).toContain(
      'tiers.2.growthThreshold: 等级门槛必须递增：金卡会员（500）不高于 银卡会员（500）',
    )
  })

  it('requires the first tier to start at 0 growth', () => {
    const result = withChanges((input) => ({
      ...input,
      tiers: input.tiers.map((tier, index) => (index === 0 ? { ...tier, growthThreshold: 10 } : tier)),
    }))
    expect(errorMessageOf(result)).toContain('tiers.0.growthThreshold')
  })

  it('rejects negative earning rates', () => {
    const result = withChanges((input) => ({
      ...input,
      earning: { ...input.earning, points: { amount: -1, perYuan: 1 } },
    }))
    expect(errorMessageOf(result)).toContain('earning.points.amount')
  })

  it('rejects an unknown time zone with a readable message', () => {
    const result = withChanges((input) => ({ ...input, timeZone: 'Mars/Olympus_Mons' }))
    expect(errorMessageOf(result)).toContain('timeZone: 未知的时区')
  })

  it('rejects fewer than three and more than five tiers', () => {
    expect(errorMessageOf(withChanges((input) => ({ ...input, tiers: input.tiers.slice(0, 2) })))).toContain('tiers')
    const six = withChanges((input) => ({
      ...input,
      tiers: [0, 1, 2, 3, 4, 5].map((index) => ({
        id: `t${index}`,
        name: `T${index}`,
        growthThreshold: index * 100,
        retentionGrowth: 0,
      })),
    }))
    expect(errorMessageOf(six)).toContain('tiers')
  })

  it('rejects duplicate tier and campaign ids', () => {
    const tiers = withChanges((input) => ({
      ...input,
      tiers: input.tiers.map((tier, index) => (index === 1 ? { ...tier, id: 'regular' } : tier)),
    }))
    expect(errorMessageOf(tiers)).toContain('等级 id 重复：regular')
    const campaigns = withChanges((input) => ({
      ...input,
      earning: { ...input.earning, campaigns: [...input.earning.campaigns, ...input.earning.campaigns] },
    }))
    expect(errorMessageOf(campaigns)).toContain('活动 id 重复')
  })

  it('rejects a date range that ends before it starts, and impossible dates', () => {
    const backwards = withChanges((input) => ({
      ...input,
      earning: {
        ...input.earning,
        campaigns: [
          {
            id: 'x',
            name: 'X',
            multiplierPercent: 200,
            rule: { kind: 'dateRange', fromDay: '2026-10-07', toDay: '2026-10-01' },
          },
        ],
      },
    }))
    expect(errorMessageOf(backwards)).toContain('结束日期不能早于开始日期')
    const impossible = withChanges((input) => ({
      ...input,
      earning: {
        ...input.earning,
        campaigns: [
          {
            id: 'x',
            name: 'X',
            multiplierPercent: 200,
            rule: { kind: 'dateRange', fromDay: '2026-02-29', toDay: '2026-03-01' },
          },
        ],
      },
    }))
    expect(errorMessageOf(impossible)).toContain('有效日期')
  })

  it('rejects streak bonuses beyond the cycle and two bonuses on one day', () => {
    const beyond = withChanges((input) => ({
      ...input,
      checkIn: { ...input.checkIn, streakBonuses: [{ cycleDay: 8, points: 10 }] },
    }))
    expect(errorMessageOf(beyond)).toContain('超出周期（7 天）')
    const twice = withChanges((input) => ({
      ...input,
      checkIn: {
        ...input.checkIn,
        streakBonuses: [
          { cycleDay: 3, points: 10 },
          { cycleDay: 3, points: 5 },
        ],
      },
    }))
    expect(errorMessageOf(twice)).toContain('同一天配置了多个连续签到奖励')
  })

  it('allows monthly check-in cycles with bonuses up to day 31', () => {
    const monthly = withChanges((input) => ({
      ...input,
      checkIn: { ...input.checkIn, cycle: { kind: 'calendarMonth' }, streakBonuses: [{ cycleDay: 28, points: 50 }] },
    }))
    expect(monthly.ok).toBe(true)
  })

  it('reports every problem at once, one per line', () => {
    const result = withChanges((input) => ({ ...input, timeZone: 'Nowhere/Else', businessDayCutoffHour: 24 }))
    expect(errorMessageOf(result).split('\n').length).toBeGreaterThanOrEqual(2)
  })

  it('rejects something that is not a programme at all', () => {
    expect(parseProgramme(null).ok).toBe(false)
  })
})

import { daysOf } from '@shared/stats/dashboard'
import { ZERO_FIGURES } from '@shared/stats/figures'
import { copyOfSpec } from '../../../miniprogram/admin/components/charts/chartSpec'
import {
  distributionChartSpec,
  isDistributionEmpty,
} from '../../../miniprogram/admin/components/charts/distributionSpec'
import {
  isTrendEmpty,
  TREND_LABELS_MAX,
  TREND_Y_SPLITS,
  trendAxisOf,
  trendChartSpec,
} from '../../../miniprogram/admin/components/charts/trendSpec'
import { DASHBOARD_TRENDS, dashboardTrend, trendOf } from '../../../miniprogram/admin/utils/dashboardTrends'

const WEEK = ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']

describe('trendChartSpec', () => {
  it('labels each day 月-日 and draws a line per series over them, with its values on a week', () => {
    const spec = trendChartSpec({
      days: WEEK,
      series: [
        { name: '积分发放', values: [1, 2, 3, 4, 5, 6, 7] },
        { name: '积分消耗', values: [0, 0, 1, 0, 0, 2, 0] },
      ],
    })
    expect(spec.type).toBe('line')
    expect(spec.categories).toEqual(['11-17', '11-18', '11-19', '11-20', '11-21', '11-22', '11-23'])
    expect(spec.series).toEqual([
      { name: '积分发放', data: [1, 2, 3, 4, 5, 6, 7] },
      { name: '积分消耗', data: [0, 0, 1, 0, 0, 2, 0] },
    ])
    expect(spec.dataLabel).toBe(true)
    expect(spec.legend).toMatchObject({ show: true })
    expect(spec.xAxis).not.toHaveProperty('labelCount')
    expect(spec.animation).toBe(false)
  })

  it('thins the day labels and drops the values past a week, and shows no legend for one line', () => {
    const days = daysOf({ from: '2026-10-25', to: '2026-11-23' }, []).map((day) => day.day)
    const spec = trendChartSpec({ days, series: [{ name: '签到', values: days.map((_, index) => index) }] })
    expect(spec.categories).toHaveLength(30)
    expect(spec.categories?.[0]).toBe('10-25')
    expect(spec.xAxis).toMatchObject({ labelCount: TREND_LABELS_MAX })
    expect(spec.dataLabel).toBe(false)
    expect(spec.legend).toMatchObject({ show: false })
  })

  it('refuses a series that does not have a value for each day', () => {
    expect(() => trendChartSpec({ days: WEEK, series: [{ name: '签到', values: [1, 2] }] })).toThrow(
      'trend series 签到 has 2 values for 7 days',
    )
  })

  it('is empty with no days, no series or only zeros', () => {
    expect(isTrendEmpty({ days: [], series: [{ name: '签到', values: [] }] })).toBe(true)
    expect(isTrendEmpty({ days: WEEK, series: [] })).toBe(true)
    expect(isTrendEmpty({ days: WEEK, series: [{ name: '签到', values: [0, 0, 0, 0, 0, 0, 0] }] })).toBe(true)
    expect(isTrendEmpty({ days: WEEK, series: [{ name: '签到', values: [0, 0, 0, 0, 0, 0, -1] }] })).toBe(false)
  })
})

describe('trendAxisOf', () => {
  it.each([
    [[0, 1], { min: 0, max: 4 }],
    [[0, 4], { min: 0, max: 4 }],
    [[5], { min: 0, max: 8 }],
    [[0, 9], { min: 0, max: 20 }],
    [[37], { min: 0, max: 40 }],
    [[123.45], { min: 0, max: 200 }],
    [[1_999], { min: 0, max: 2_000 }],
    [[-2, 2], { min: -2, max: 2 }],
    [[-3, 5], { min: -5, max: 15 }],
    [[-3, 6], { min: -5, max: 15 }],
  ])('gives %j an axis of whole steps from zero: %j', (values, axis) => {
    const found = trendAxisOf(values)
    expect(found).toEqual(axis)
    const step = (found.max - found.min) / TREND_Y_SPLITS
    expect(Number.isInteger(step)).toBe(true)
    expect(found.max).toBeGreaterThanOrEqual(Math.max(...values))
    expect(found.min).toBeLessThanOrEqual(Math.min(0, ...values))
  })

  it('is the chart’s value axis', () => {
    const spec = trendChartSpec({ days: WEEK.slice(0, 2), series: [{ name: '新会员', values: [0, 1] }] })
    expect(spec.yAxis).toMatchObject({ splitNumber: TREND_Y_SPLITS, data: [{ min: 0, max: 4, tofix: 0 }] })
  })
})

describe('the dashboard trends', () => {
  const days = daysOf({ from: '2026-11-22', to: '2026-11-23' }, [
    {
      day: '2026-11-23',
      figures: { ...ZERO_FIGURES, newMembers: 3, purchaseAmountFen: 1_999, pointsEarned: 50, pointsSpent: -20 },
    },
  ])

  it('reads each day’s figures, oldest first: amounts in yuan, points spent as how many', () => {
    expect(trendOf(days, dashboardTrend('newMembers'))).toEqual({
      days: ['2026-11-22', '2026-11-23'],
      series: [{ name: '新会员', values: [0, 3] }],
    })
    expect(trendOf(days, dashboardTrend('purchaseAmount')).series).toEqual([
      { name: '消费金额（元）', values: [0, 19.99] },
    ])
    expect(trendOf(days, dashboardTrend('points')).series).toEqual([
      { name: '积分发放', values: [0, 50] },
      { name: '积分消耗', values: [0, 20] },
    ])
  })

  it('offers 新会员, 签到, 消费金额 and 积分发放/消耗, each with distinct ids', () => {
    expect(DASHBOARD_TRENDS.map((trend) => trend.label)).toEqual(['新会员', '签到', '消费金额', '积分发放/消耗'])
    expect(new Set(DASHBOARD_TRENDS.map((trend) => trend.id)).size).toBe(DASHBOARD_TRENDS.length)
  })
})

describe('distributionChartSpec', () => {
  const tiers = [
    { label: '普通会员', value: 120 },
    { label: '银卡', value: 30 },
    { label: '金卡', value: 0 },
  ]

  it('draws a ring slice per category, in order, zero counts kept so the legend lists every tier', () => {
    const spec = distributionChartSpec(tiers)
    expect(spec.type).toBe('ring')
    expect(spec.series).toEqual([
      { name: '普通会员', data: 120 },
      { name: '银卡', data: 30 },
      { name: '金卡', data: 0 },
    ])
    expect(spec.legend).toMatchObject({ show: true })
  })

  it('refuses a negative or non-finite count', () => {
    expect(() => distributionChartSpec([{ label: '银卡', value: -1 }])).toThrow(
      'distribution item 银卡 has the count -1',
    )
    expect(() => distributionChartSpec([{ label: '银卡', value: Number.NaN }])).toThrow()
  })

  it('is empty with no categories or only zeros', () => {
    expect(isDistributionEmpty([])).toBe(true)
    expect(isDistributionEmpty(tiers.map((tier) => ({ ...tier, value: 0 })))).toBe(true)
    expect(isDistributionEmpty(tiers)).toBe(false)
  })
})

describe('copyOfSpec', () => {
  it('hands uCharts series it may write into without touching the built spec', () => {
    const spec = trendChartSpec({ days: WEEK.slice(0, 2), series: [{ name: '签到', values: [1, 2] }] })
    const copy = copyOfSpec(spec)
    const [series] = copy.series
    if (series === undefined || typeof series.data === 'number') throw new Error('a line series')
    series.color = '#000000'
    series.data.push(3)
    expect(spec.series).toEqual([{ name: '签到', data: [1, 2] }])
  })
})

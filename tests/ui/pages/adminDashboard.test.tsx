import type { DashboardResult } from '@shared/contracts'
import { daysOf, derivedOf, previousRangeOf, totalOf } from '@shared/stats/dashboard'
import { type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DistributionChart } from '@/admin/components/charts/DistributionChart'
import AdminDashboardPage from '@/admin/pages/dashboard/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'
import { canvasQuery } from '../support/taro'
import { drawnCharts } from '../support/uCharts'

const WEEK = { from: '2026-11-17', to: '2026-11-23' }

/** A dashboard answer whose days carry `today` on the last day and `before` on the last day of the week before. */
function resultOf(
  storeId: string | null,
  today: Partial<StatFigures>,
  before: Partial<StatFigures> = {},
): DashboardResult {
  const rangeOf = (range: typeof WEEK, figures: Partial<StatFigures>) => {
    const days = daysOf(range, [{ day: range.to, figures: { ...ZERO_FIGURES, ...figures } }])
    const total = totalOf(days)
    return { range, days, total, derived: derivedOf(total) }
  }
  const snapshots = { current: null, previous: null, thresholds: DEFAULT_RFM_THRESHOLDS }
  return { storeId, current: rangeOf(WEEK, today), previous: rangeOf(previousRangeOf(WEEK), before), snapshots }
}

const textOf = (container: HTMLElement, id: string) => container.querySelector(`#${id}`)?.textContent

function dashboardInputs(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls
    .filter(([call]) => call.name === 'admin' && call.data.action === 'dashboard')
    .map(([call]) => call.data.input)
}

const STORES = { ok: true, data: { stores: [{ id: 'store-1', name: '国贸店', address: '', phone: '', hours: '' }] } }

/** The chart element's state once its drawing has settled: `drawn` or `failed`. */
async function settledChart(container: HTMLElement, id: string): Promise<string | null | undefined> {
  await waitFor(() =>
    expect(['drawn', 'failed']).toContain(container.querySelector(`#${id}`)?.getAttribute('data-drawn')),
  )
  return container.querySelector(`#${id}`)?.getAttribute('data-drawn')
}

/** Picks a date in the custom range's picker for `end`, as the date picker would. */
function pickDay(container: HTMLElement, end: 'from' | 'to', day: string): void {
  fireEvent.change(container.querySelector(`#dashboard-custom-${end} .picker-stand-in__value`) as Element, {
    target: { value: day },
  })
}

describe('the dashboard screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    drawnCharts.length = 0
    canvasQuery.found = true
  })

  it('shows the chain’s figures of the last 7 days beside the week before, and each day', async () => {
    const result = resultOf(
      null,
      {
        newMembers: 4,
        purchases: 3,
        purchaseAmountFen: 10_000,
        couponsIssued: 8,
        couponsVerified: 2,
        pointsSpent: -600,
      },
      { newMembers: 2, purchases: 4, purchaseAmountFen: 10_000 },
    )
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': {
        ok: true,
        data: { stores: [{ id: 'store-1', name: '国贸店', address: '', phone: '', hours: '' }] },
      },
      'admin.dashboard': { ok: true, data: result },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('客单价')
    expect(dashboardInputs(callFunction)).toEqual([{ lastDays: 7 }])
    expect(textOf(container, 'dashboard-range')).toBe('全部门店 · 2026-11-17 至 2026-11-23')
    expect(textOf(container, 'dashboard-tile-newMembers-value')).toBe('4')
    expect(textOf(container, 'dashboard-tile-newMembers-change')).toBe('较上期 +100.0%')
    expect(textOf(container, 'dashboard-tile-purchases-change')).toBe('较上期 -25.0%')
    expect(textOf(container, 'dashboard-tile-purchaseAmount-value')).toBe('¥100.00')
    expect(textOf(container, 'dashboard-tile-purchaseAmount-change')).toBe('较上期持平')
    expect(textOf(container, 'dashboard-tile-averageTicket-value')).toBe('¥33.33')
    expect(textOf(container, 'dashboard-tile-pointsSpent-value')).toBe('600')
    expect(textOf(container, 'dashboard-tile-pointsExpired-value')).toBe('0')
    expect(textOf(container, 'dashboard-tile-verificationRate-value')).toBe('25.0%')
    expect(textOf(container, 'dashboard-tile-verificationRate-change')).toBe('上期无数据')
    expect(textOf(container, 'dashboard-day-2026-11-23')).toBe('11-23403¥100.00')
    expect(container.querySelectorAll('[id^="dashboard-day-"]')).toHaveLength(7)
  })

  it('asks again for another range and for one store an admin picks', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': {
        ok: true,
        data: { stores: [{ id: 'store-1', name: '国贸店', address: '', phone: '', hours: '' }] },
      },
      'admin.dashboard': { ok: true, data: resultOf('store-1', { purchases: 1 }) },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('国贸店')
    fireEvent.click(container.querySelector('#dashboard-range-30') as Element)
    fireEvent.click(container.querySelector('#dashboard-store-store-1') as Element)
    await waitFor(() =>
      expect(dashboardInputs(callFunction)).toEqual([
        { lastDays: 7 },
        { lastDays: 30 },
        { lastDays: 30, storeId: 'store-1' },
      ]),
    )
    await waitFor(() => expect(textOf(container, 'dashboard-range')).toContain('国贸店 · '))
  })

  it('shows a manager their own store, with no store choice', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'admin.dashboard': { ok: true, data: resultOf(MANAGER.storeId, { checkIns: 5 }) },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('积分发放')
    expect(container.querySelector('#dashboard-stores')).toBeNull()
    expect(textOf(container, 'dashboard-range')).toContain(`${MANAGER.storeName} · `)
    expect(textOf(container, 'dashboard-tile-checkIns-value')).toBe('5')
    expect(dashboardInputs(callFunction)).toEqual([{ lastDays: 7 }])
  })

  it('offers 重试 when the figures cannot be loaded, and refuses a clerk', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': { ok: true, data: { stores: [] } },
      'admin.dashboard': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
    })
    const { container, unmount } = render(<AdminDashboardPage />)
    await waitFor(() => expect(container.querySelector('#load-state-retry')).not.toBeNull())
    unmount()
    resetStores()
    answerCloudFunctions({ 'staff.me': { ok: true, data: CASHIER } })
    render(<AdminDashboardPage />)
    await screen.findByText('仅限店长和品牌管理员使用')
  })

  it('draws the range’s trend under the tiles, day by day labelled 月-日, and switches between series', async () => {
    const result = resultOf(null, {
      newMembers: 4,
      purchaseAmountFen: 12_345,
      pointsEarned: 300,
      pointsSpent: -120,
    })
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.dashboard': { ok: true, data: result },
    })
    const { container } = render(<AdminDashboardPage />)
    await expect(settledChart(container, 'dashboard-trend-chart')).resolves.toBe('drawn')
    const labels = ['11-17', '11-18', '11-19', '11-20', '11-21', '11-22', '11-23']
    expect(drawnCharts.at(-1)).toMatchObject({
      type: 'line',
      categories: labels,
      series: [{ name: '新会员', data: [0, 0, 0, 0, 0, 0, 4] }],
      // The canvas's 320 × 210 on screen, at the device's 2 pixels per point.
      width: 640,
      height: 420,
      pixelRatio: 2,
    })
    // The day table stays: it is what the chart shows, in figures.
    expect(container.querySelectorAll('[id^="dashboard-day-"]')).toHaveLength(7)

    fireEvent.click(container.querySelector('#dashboard-trend-points') as Element)
    await waitFor(() =>
      expect(drawnCharts.at(-1)?.series).toEqual([
        { name: '积分发放', data: [0, 0, 0, 0, 0, 0, 300] },
        { name: '积分消耗', data: [0, 0, 0, 0, 0, 0, 120] },
      ]),
    )
    fireEvent.click(container.querySelector('#dashboard-trend-purchaseAmount') as Element)
    await waitFor(() =>
      expect(drawnCharts.at(-1)?.series).toEqual([{ name: '消费金额（元）', data: [0, 0, 0, 0, 0, 0, 123.45] }]),
    )
    expect(drawnCharts.at(-1)?.categories).toEqual(labels)
  })

  it('says 暂无数据 for a series with nothing but zeros, and offers 重试 for a chart that cannot be drawn', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.dashboard': { ok: true, data: resultOf(null, { checkIns: 2 }) },
    })
    canvasQuery.found = false
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('所选时段暂无数据')
    expect(container.querySelector('#dashboard-trend-chart')).toBeNull()

    fireEvent.click(container.querySelector('#dashboard-trend-checkIns') as Element)
    await expect(settledChart(container, 'dashboard-trend-chart')).resolves.toBe('failed')
    expect(textOf(container, 'dashboard-trend-chart')).toContain('图表无法显示，请重试')
    expect(drawnCharts).toEqual([])

    canvasQuery.found = true
    fireEvent.click(container.querySelector('#dashboard-trend-chart #load-state-retry') as Element)
    await expect(settledChart(container, 'dashboard-trend-chart')).resolves.toBe('drawn')
    expect(drawnCharts.at(-1)?.series).toEqual([{ name: '签到', data: [0, 0, 0, 0, 0, 0, 2] }])
  })

  it('asks for a custom range from two picked dates, and says why a range it refuses is not shown', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'admin.listStores': STORES,
      'admin.dashboard': { ok: true, data: resultOf(null, { purchases: 1 }) },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('国贸店')
    await waitFor(() => expect(textOf(container, 'dashboard-range')).toContain('2026-11-17 至 2026-11-23'))
    expect(container.querySelector('#dashboard-custom')).toBeNull()

    // 自定义 starts from the range on screen.
    fireEvent.click(container.querySelector('#dashboard-range-custom') as Element)
    await waitFor(() => expect(dashboardInputs(callFunction)).toHaveLength(2))
    expect(dashboardInputs(callFunction)[1]).toEqual(WEEK)
    expect(textOf(container, 'dashboard-custom-from-value')).toBe('2026-11-17')
    expect(textOf(container, 'dashboard-custom-to-value')).toBe('2026-11-23')

    pickDay(container, 'from', '2026-11-25')
    await screen.findByText('结束日期不能早于开始日期')
    pickDay(container, 'from', '2026-08-01')
    await screen.findByText('一次最多查看 92 天')
    expect(dashboardInputs(callFunction)).toHaveLength(2)
    expect(container.querySelector('#dashboard-range-custom')?.className).toContain('admin-choice--selected')

    pickDay(container, 'from', '2026-11-01')
    await waitFor(() => expect(container.querySelector('#dashboard-custom-error')).toBeNull())
    fireEvent.click(container.querySelector('#dashboard-store-store-1') as Element)
    await waitFor(() =>
      expect(dashboardInputs(callFunction).slice(2)).toEqual([
        { from: '2026-11-01', to: '2026-11-23' },
        { from: '2026-11-01', to: '2026-11-23', storeId: 'store-1' },
      ]),
    )
    // Back to 近 7 天 and to 自定义 again: the picked range is kept.
    fireEvent.click(container.querySelector('#dashboard-range-7') as Element)
    fireEvent.click(container.querySelector('#dashboard-range-custom') as Element)
    await waitFor(() =>
      expect(dashboardInputs(callFunction).slice(4)).toEqual([
        { lastDays: 7, storeId: 'store-1' },
        { from: '2026-11-01', to: '2026-11-23', storeId: 'store-1' },
      ]),
    )
    expect(textOf(container, 'dashboard-custom-from-value')).toBe('2026-11-01')
  })
})

describe('the distribution chart', () => {
  beforeEach(() => {
    drawnCharts.length = 0
    canvasQuery.found = true
  })

  const TIERS = [
    { label: '普通会员', value: 120 },
    { label: '银卡', value: 30 },
    { label: '金卡', value: 6 },
  ]

  it('draws a ring slice per category, in the given order, with its count', async () => {
    const { container } = render(
      <DistributionChart id='tiers-chart' state={{ status: 'ready', data: TIERS }} onRetry={jest.fn()} />,
    )
    await expect(settledChart(container, 'tiers-chart')).resolves.toBe('drawn')
    expect(drawnCharts).toHaveLength(1)
    expect(drawnCharts[0]).toMatchObject({
      type: 'ring',
      series: [
        { name: '普通会员', data: 120 },
        { name: '银卡', data: 30 },
        { name: '金卡', data: 6 },
      ],
    })
  })

  it('shows 加载中…, the message with 重试, and 暂无数据 for categories that are all empty', async () => {
    const onRetry = jest.fn()
    const { container, rerender } = render(
      <DistributionChart id='tiers-chart' state={{ status: 'loading' }} onRetry={onRetry} />,
    )
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    rerender(<DistributionChart id='tiers-chart' state={{ status: 'error', message: '网络异常' }} onRetry={onRetry} />)
    expect(textOf(container, 'load-state-error')).toContain('网络异常')
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    expect(onRetry).toHaveBeenCalledTimes(1)
    rerender(
      <DistributionChart
        id='tiers-chart'
        state={{ status: 'ready', data: TIERS.map((tier) => ({ ...tier, value: 0 })) }}
        onRetry={onRetry}
      />,
    )
    expect(textOf(container, 'load-state-empty')).toBe('暂无数据')
    rerender(<DistributionChart id='tiers-chart' state={{ status: 'ready', data: [] }} onRetry={onRetry} />)
    expect(textOf(container, 'load-state-empty')).toBe('暂无数据')
    expect(container.querySelector('#tiers-chart')).toBeNull()
    expect(drawnCharts).toEqual([])
  })
})

import type { DashboardResult } from '@shared/contracts'
import { daysOf, derivedOf, previousRangeOf, totalOf } from '@shared/stats/dashboard'
import { type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminDashboardPage from '@/admin/pages/dashboard/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { CASHIER, MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

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

describe('the dashboard screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
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
    await screen.findByText('消费金额')
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
})

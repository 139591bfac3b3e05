import type { DashboardResult, MemberSnapshotView } from '@shared/contracts'
import { daysOf, derivedOf, previousRangeOf, totalOf } from '@shared/stats/dashboard'
import { ZERO_FIGURES } from '@shared/stats/figures'
import { ZERO_RFM, ZERO_SNAPSHOT_FIGURES } from '@shared/stats/memberSnapshot'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminDashboardPage from '@/admin/pages/dashboard/index'
import { ADMIN } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { PROGRAMME } from '../support/fixtures'
import { inputsOf, textOf, type } from '../support/formEvents'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'
import { drawnCharts } from '../support/uCharts'

const WEEK = { from: '2026-11-17', to: '2026-11-23' }

function snapshotOf(day: string, figures: Partial<MemberSnapshotView['figures']>): MemberSnapshotView {
  const all = { ...ZERO_SNAPSHOT_FIGURES, ...figures }
  return {
    day,
    asOfMs: 0,
    thresholds: DEFAULT_RFM_THRESHOLDS,
    figures: all,
    repeatRate: all.purchasers === 0 ? null : all.repeatPurchasers / all.purchasers,
  }
}

function resultOf(snapshots: DashboardResult['snapshots']): DashboardResult {
  const rangeOf = (range: typeof WEEK) => {
    const days = daysOf(range, [{ day: range.to, figures: ZERO_FIGURES }])
    const total = totalOf(days)
    return { range, days, total, derived: derivedOf(total) }
  }
  return { storeId: null, current: rangeOf(WEEK), previous: rangeOf(previousRangeOf(WEEK)), snapshots }
}

const SNAPSHOTS: DashboardResult['snapshots'] = {
  current: snapshotOf('2026-11-23', {
    members: 1200,
    activeMembers: 300,
    pointsOutstanding: 45_000,
    purchasers: 80,
    repeatPurchasers: 20,
    membersPerTier: { regular: 1000, gold: 190, retired: 10 },
    rfm: { ...ZERO_RFM, importantValue: 12, generalRetain: 40, noPurchase: 900 },
  }),
  previous: snapshotOf('2026-11-16', { members: 1000, activeMembers: 300, purchasers: 0 }),
  thresholds: DEFAULT_RFM_THRESHOLDS,
}

describe('the dashboard’s member snapshot', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    drawnCharts.length = 0
  })

  it('shows the range’s closing members, 复购率, members per tier by name and the RFM groups', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'programme.get': { ok: true, data: PROGRAMME },
      'admin.dashboard': { ok: true, data: resultOf(SNAPSHOTS) },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('会员快照 · 截至 2026-11-23 日终')
    expect(textOf(container, 'dashboard-snapshot-members-value')).toBe('1,200')
    expect(container.querySelector('#dashboard-snapshot-members')?.textContent).toContain('较上期 +20.0%')
    expect(container.querySelector('#dashboard-snapshot-activeMembers')?.textContent).toContain('较上期持平')
    expect(textOf(container, 'dashboard-snapshot-pointsOutstanding-value')).toBe('45,000')
    expect(textOf(container, 'dashboard-snapshot-repeatRate-value')).toBe('25.0%')
    expect(container.querySelector('#dashboard-snapshot-repeatRate')?.textContent).toContain('上期无数据')
    const gold = PROGRAMME.tiers.find((tier) => tier.id === 'gold')
    await waitFor(() => expect(container.querySelector('#dashboard-tiers-gold')?.textContent).toBe(`${gold?.name}190`))
    expect(textOf(container, 'dashboard-tiers-silver-count')).toBe('0')
    expect(textOf(container, 'dashboard-tiers-retired-count')).toBe('10')
    // The same counts as a ring, slice by slice in the programme's order, tiers nobody holds left out.
    const regular = PROGRAMME.tiers.find((tier) => tier.id === 'regular')?.name
    await waitFor(() =>
      expect(drawnCharts.filter((chart) => chart.type === 'ring').at(-1)?.series).toEqual([
        { name: regular, data: 1000 },
        { name: gold?.name, data: 190 },
        { name: 'retired', data: 10 },
      ]),
    )
    expect(container.querySelector('#dashboard-rfm-importantValue')?.textContent).toBe('重要价值12')
    expect(container.querySelector('#dashboard-rfm-generalRetain')?.textContent).toBe('一般挽留40')
    expect(container.querySelector('#dashboard-rfm-noPurchase')?.textContent).toBe('未消费900')
    expect(textOf(container, 'dashboard-rfm-thresholds')).toContain('近 30 天有消费')
    // Thresholds are an admin's to set.
    expect(container.querySelector('#dashboard-rfm-form')).toBeNull()
  })

  it('says when no snapshot was taken yet', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: MANAGER },
      'programme.get': { ok: true, data: PROGRAMME },
      'admin.dashboard': {
        ok: true,
        data: resultOf({ current: null, previous: null, thresholds: DEFAULT_RFM_THRESHOLDS }),
      },
    })
    render(<AdminDashboardPage />)
    await screen.findByText('会员快照尚未生成：每个营业日开始时统计前一天的会员')
  })

  it('lets an admin set the thresholds, checked next to each field, in yuan', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'programme.get': { ok: true, data: PROGRAMME },
      'admin.listStores': { ok: true, data: { stores: [] } },
      'admin.dashboard': { ok: true, data: resultOf(SNAPSHOTS) },
      'admin.saveRfmThresholds': {
        ok: true,
        data: { thresholds: { recencyDays: 60, frequency: 3, monetaryFen: 50_050 }, changes: {} },
      },
    })
    const { container } = render(<AdminDashboardPage />)
    await screen.findByText('RFM 分群门槛')
    expect((container.querySelector('#rfm-monetaryYuan') as HTMLInputElement).value).toBe('200')
    type(container, 'rfm-recencyDays', '0')
    type(container, 'rfm-monetaryYuan', 'abc')
    fireEvent.click(container.querySelector('#rfm-save') as Element)
    await waitFor(() => expect(textOf(container, 'rfm-recencyDays-error')).toBe('至少 1 天'))
    expect(textOf(container, 'rfm-monetaryYuan-error')).toBe('请输入数字')
    expect(inputsOf(callFunction, 'saveRfmThresholds')).toEqual([])

    type(container, 'rfm-recencyDays', '60')
    type(container, 'rfm-frequency', '3')
    type(container, 'rfm-monetaryYuan', '500.5')
    fireEvent.click(container.querySelector('#rfm-save') as Element)
    await screen.findByText('已保存，自下一次会员快照起按新门槛分群')
    expect(inputsOf(callFunction, 'saveRfmThresholds')).toEqual([
      { requestId: expect.any(String), thresholds: { recencyDays: 60, frequency: 3, monetaryFen: 50_050 } },
    ])
  })
})

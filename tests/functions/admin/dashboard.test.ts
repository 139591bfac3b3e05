/**
 * `admin.dashboard` through the real SDK: the figures events wrote (folded by `foldStats`) for the
 * chain and per store, the range before it, and who may see which store.
 */
import type { DashboardResult } from '@shared/contracts'
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  NOW,
  OTHER_STORE_MANAGER,
  OTHER_STORE_STAFF,
  purchaseBy,
  STAFF,
  seedCustomer,
} from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(90_000)

/** NOW's business day in Shanghai, and the week ending on it. */
const TODAY = '2026-11-23'
const WEEK = { from: '2026-11-17', to: TODAY }

describe('admin.dashboard', () => {
  const harness = useFunctionHarness()

  const dashboardOf = async (as: string, input: Record<string, unknown>): Promise<DashboardResult> =>
    dataOf(await harness.call('admin', 'dashboard', input as never, { as, atMs: NOW + 120_000 }))

  /** Purchases in both stores and a check-in, folded: each test starts from an empty database. */
  async function arrange() {
    await bindStoreTwo(harness)
    const member = await seedCustomer(harness, { prefix: 'o-dashboard', points: 0, atMs: NOW - 86_400_000 })
    const purchase = (clerk: string, amountFen: number, requestId: string) =>
      harness.call('staff', 'recordPurchase', purchaseBy(clerk, { memberId: member.memberId, amountFen, requestId }), {
        as: clerk,
        atMs: NOW,
      })
    await expect(purchase(STAFF, 3_000, 'dashboard-1')).resolves.toMatchObject({ ok: true })
    await expect(purchase(STAFF, 5_000, 'dashboard-2')).resolves.toMatchObject({ ok: true })
    await expect(purchase(OTHER_STORE_STAFF, 2_000, 'dashboard-3')).resolves.toMatchObject({ ok: true })
    await expect(harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: NOW })).resolves.toMatchObject({
      ok: true,
    })
    await harness.call('jobs', 'run', { job: 'foldStats', dryRun: false }, { as: ADMIN, atMs: NOW + 60_000 })
  }

  it('adds up every store for the chain, day by day, beside the week before', async () => {
    await arrange()
    const chain = await dashboardOf(ADMIN, WEEK)
    expect(chain.storeId).toBeNull()
    expect(chain.current.total).toMatchObject({
      purchases: 3,
      purchaseAmountFen: 10_000,
      checkIns: 1,
      pointsEarned: 105,
    })
    expect(chain.current.derived).toMatchObject({ averageTicketFen: 3_333, pointsOutstandingChange: 105 })
    expect(chain.current.days.map((day) => day.day)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      TODAY,
    ])
    expect(chain.current.days.at(-1)?.figures).toMatchObject({ purchases: 3 })
    expect(chain.current.days[0]?.figures.purchases).toBe(0)
    expect(chain.previous.range).toEqual({ from: '2026-11-10', to: '2026-11-16' })
    expect(chain.previous.total.purchases).toBe(0)
  })

  it('answers one store to an admin who picks it, and a manager their own store only', async () => {
    await arrange()
    await expect(dashboardOf(ADMIN, { ...WEEK, storeId: 'store-2' })).resolves.toMatchObject({
      storeId: 'store-2',
      current: { total: { purchases: 1, purchaseAmountFen: 2_000 } },
    })
    await expect(dashboardOf(MANAGER, WEEK)).resolves.toMatchObject({
      storeId: 'store-1',
      current: { total: { purchases: 2, purchaseAmountFen: 8_000 } },
    })
    await expect(dashboardOf(OTHER_STORE_MANAGER, WEEK)).resolves.toMatchObject({
      storeId: 'store-2',
      current: { total: { purchases: 1 } },
    })
    await expect(
      harness.call('admin', 'dashboard', { ...WEEK, storeId: 'store-2' }, { as: MANAGER, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('reads the last N business days up to the programme’s today', async () => {
    await arrange()
    const today = await dashboardOf(ADMIN, { lastDays: 1 })
    expect(today.current).toMatchObject({ range: { from: TODAY, to: TODAY }, total: { purchases: 3 } })
    expect(today.previous.range).toEqual({ from: '2026-11-22', to: '2026-11-22' })
    await expect(dashboardOf(ADMIN, { lastDays: 7 })).resolves.toMatchObject({ current: { range: WEEK } })
  })

  it('refuses a range that ends before it starts or is longer than 92 days, naming the field', async () => {
    await expect(
      harness.callRaw('admin', { action: 'dashboard', input: { lastDays: 7, from: TODAY } }, { as: ADMIN, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('lastDays') })
    await expect(
      harness.callRaw(
        'admin',
        { action: 'dashboard', input: { from: TODAY, to: '2026-11-01' } },
        { as: ADMIN, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('to') })
    await expect(
      harness.callRaw(
        'admin',
        { action: 'dashboard', input: { from: '2026-01-01', to: TODAY } },
        { as: ADMIN, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('92') })
  })
})

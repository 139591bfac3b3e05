/**
 * The dashboard's member snapshots through the real SDK: `admin.dashboard` answers the snapshot
 * closing each range's last day (or the latest before it) for the chain or the store asked for, and
 * `admin.saveRfmThresholds` sets what the next snapshots group members by, once per request.
 */
import type { DashboardResult } from '@shared/contracts'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import {
  ADMIN,
  bindStoreTwo,
  MANAGER,
  NOW,
  OTHER_STORE_MANAGER,
  purchaseBy,
  STAFF,
  seedCustomer,
} from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(90_000)

const DAY_MS = 86_400_000
const WEEK = { from: '2026-11-17', to: '2026-11-23' }
/** Ten past midnight in Shanghai on 2026-11-`day`: that day's first run, closing the day before. */
const snapshotRunOn = (day: number) => Date.UTC(2026, 10, day - 1, 16, 10)

describe('member snapshots on the dashboard', () => {
  const harness = useFunctionHarness()

  const dashboardOf = async (as: string, input: Record<string, unknown>): Promise<DashboardResult> =>
    dataOf(await harness.call('admin', 'dashboard', input as never, { as, atMs: NOW + 2 * DAY_MS }))
  const snapshotAt = (atMs: number) =>
    harness.call('jobs', 'run', { job: 'snapshotMembers', dryRun: false }, { as: ADMIN, atMs })
  const saveThresholds = (as: string, requestId: string, thresholds: Record<string, number>) =>
    harness.call('admin', 'saveRfmThresholds', { requestId, thresholds } as never, { as, atMs: NOW })

  /** A store-1 member who buys twice on the 23rd; snapshots closing the 16th (before) and the 23rd. */
  async function arrange() {
    await bindStoreTwo(harness)
    const member = await seedCustomer(harness, { prefix: 'o-snapshots', points: 0, atMs: NOW - 30 * DAY_MS })
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { joinedStoreId: 'store-1' } })
    await expect(snapshotAt(snapshotRunOn(17))).resolves.toMatchObject({ ok: true, data: { outcome: 'finished' } })
    for (const [amountFen, requestId] of [
      [3_000, 'snapshots-1'],
      [5_000, 'snapshots-2'],
    ] as const) {
      await expect(
        harness.call(
          'staff',
          'recordPurchase',
          purchaseBy(STAFF, { memberId: member.memberId, amountFen, requestId }),
          {
            as: STAFF,
            atMs: NOW,
          },
        ),
      ).resolves.toMatchObject({ ok: true })
    }
    await expect(snapshotAt(snapshotRunOn(24))).resolves.toMatchObject({ ok: true, data: { outcome: 'finished' } })
  }

  it('answers the snapshots closing both ranges, for the chain and for a store', async () => {
    await arrange()
    const chain = await dashboardOf(ADMIN, WEEK)
    expect(chain.snapshots.thresholds).toEqual(DEFAULT_RFM_THRESHOLDS)
    expect(chain.snapshots.current).toMatchObject({
      day: '2026-11-23',
      repeatRate: 1,
      figures: {
        members: 1,
        activeMembers: 1,
        purchasers: 1,
        repeatPurchasers: 1,
        membersPerTier: { regular: 1 },
        // Two purchases in the last 30 days, ¥80 in all: frequent and recent, not yet ¥200.
        rfm: expect.objectContaining({ generalValue: 1, noPurchase: 0 }),
      },
    })
    expect(chain.snapshots.previous).toMatchObject({
      day: '2026-11-16',
      repeatRate: null,
      figures: { members: 1, purchasers: 0, rfm: expect.objectContaining({ noPurchase: 1 }) },
    })
    // A range ending after the last snapshot reads the latest one before its end.
    const later = await dashboardOf(ADMIN, { from: '2026-11-24', to: '2026-11-30' })
    expect(later.snapshots.current?.day).toBe('2026-11-23')
    expect(later.snapshots.previous?.day).toBe('2026-11-23')

    const store = await dashboardOf(MANAGER, WEEK)
    expect(store.snapshots.current).toMatchObject({ day: '2026-11-23', figures: { members: 1, purchasers: 1 } })
    // Nobody joined at store 2: no snapshot of its members.
    const other = await dashboardOf(OTHER_STORE_MANAGER, WEEK)
    expect(other.snapshots).toMatchObject({ current: null, previous: null })
  })

  it('groups the next snapshots by the thresholds an admin saved, once per request, audited', async () => {
    await arrange()
    const thresholds = { recencyDays: 30, frequency: 2, monetaryFen: 5_000 }
    await expect(saveThresholds(MANAGER, 'rfm-manager-01', thresholds)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(saveThresholds(ADMIN, 'rfm-invalid-01', { ...thresholds, frequency: 0 })).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const saved = await saveThresholds(ADMIN, 'rfm-admin-0001', thresholds)
    expect(saved).toMatchObject({
      ok: true,
      data: { thresholds, changes: { monetaryFen: { before: 20_000, after: 5_000 } } },
    })
    // The same request again is answered as it was; nothing is saved twice.
    await expect(saveThresholds(ADMIN, 'rfm-admin-0001', thresholds)).resolves.toEqual(saved)
    const { data: audit } = await harness.db.collection('audit').where({ action: 'saveRfmThresholds' }).get()
    expect(audit).toEqual([
      expect.objectContaining({ _id: 'admin_rfm-admin-0001', subjectId: 'rfm', operatorOpenid: ADMIN }),
    ])

    // The snapshot already taken keeps its thresholds; the next one scores with the new ones.
    expect((await dashboardOf(ADMIN, WEEK)).snapshots).toMatchObject({
      thresholds,
      current: { thresholds: DEFAULT_RFM_THRESHOLDS, figures: { rfm: expect.objectContaining({ generalValue: 1 }) } },
    })
    await expect(snapshotAt(snapshotRunOn(25))).resolves.toMatchObject({ ok: true, data: { outcome: 'finished' } })
    const next = await dashboardOf(ADMIN, { from: '2026-11-24', to: '2026-11-24' })
    expect(next.snapshots.current).toMatchObject({
      day: '2026-11-24',
      thresholds,
      figures: { rfm: expect.objectContaining({ importantValue: 1, generalValue: 0 }) },
    })
  })
})

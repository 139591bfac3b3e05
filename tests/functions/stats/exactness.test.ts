/**
 * The dashboard's counters are exact: after a seeded random concurrent workload (joins, check-ins,
 * makeups, profile completions, purchases in two stores, reversals, redemptions, cancellations,
 * pickups, claims and verifications, every instance warm) and the `foldStats` job, every figure of
 * `stats_daily` equals the same figure recomputed from the raw members, ledger, audit entries,
 * orders and coupons, figure by figure: per store for what happens in a store, chain-wide for the
 * points (an entry's store is its event's, which raw entries don't all name).
 */
import type { JobOutcome } from '@shared/contracts'
import { type StatFigure, type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'
import { insertTemplate } from '../coupon/testTemplates'
import { seedMembers } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import { ADMIN, bindStoreTwo, NOW } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { outcomeCodeOf, planWorkload, runWorkload } from '../support/randomWorkload'

jest.setTimeout(240_000)

const DAY_MS = 86_400_000
const SEEDS = [11, 12]
const POINTS_FIGURES: readonly StatFigure[] = [
  'pointsEarned',
  'pointsSpent',
  'pointsExpired',
  'pointsReversed',
  'pointsAdjusted',
]

type Row = Record<string, unknown>
type ByStore = Map<string, Record<StatFigure, number>>

const storeKey = (storeId: unknown) => (typeof storeId === 'string' ? storeId : '(none)')

function add(byStore: ByStore, storeId: unknown, figure: StatFigure, amount: number): void {
  const key = storeKey(storeId)
  const figures = byStore.get(key) ?? { ...ZERO_FIGURES }
  figures[figure] += amount
  byStore.set(key, figures)
}

describe('dashboard counters after a random concurrent workload', () => {
  const harness = useFunctionHarness()

  async function all(collection: string): Promise<Row[]> {
    const rows: Row[] = []
    for (;;) {
      const { data } = await harness.db.collection(collection).skip(rows.length).limit(1000).get()
      rows.push(...(data as Row[]))
      if (data.length < 1000) return rows
    }
  }

  /** Every figure from the raw documents, for what happened from `sinceMs` on, by store. */
  async function recomputed(sinceMs: number): Promise<ByStore> {
    const [members, ledger, audit, orders, coupons] = (await Promise.all(
      ['members', 'ledger', 'audit', 'orders', 'coupons'].map(all),
    )) as [Row[], Row[], Row[], Row[], Row[]]
    const byStore: ByStore = new Map()
    const homeOf = new Map(members.map((member) => [member._id, member.joinedStoreId]))
    for (const member of members) {
      if ((member.joinedAtMs as number) < sinceMs) continue
      add(byStore, member.joinedStoreId, 'newMembers', 1)
      const source =
        member.referrerMemberId !== null
          ? 'newMembersReferral'
          : member.joinedStoreId
            ? 'newMembersStoreQr'
            : 'newMembersDirect'
      add(byStore, member.joinedStoreId, source, 1)
    }
    for (const member of members) {
      const days = (member.checkIn as { recentDays: string[] }).recentDays
      add(byStore, member.joinedStoreId, 'checkIns', days.length)
    }
    for (const entry of ledger) {
      if ((entry.createdAtMs as number) < sinceMs) continue
      const figure = {
        earn: 'pointsEarned',
        spend: 'pointsSpent',
        expire: 'pointsExpired',
        reverse: 'pointsReversed',
        adjust: 'pointsAdjusted',
      }[entry.type as string] as StatFigure
      add(byStore, '(chain)', figure, entry.amount as number)
    }
    for (const entry of audit) {
      if (entry.action === 'purchase') {
        add(byStore, entry.storeId, 'purchases', 1)
        add(byStore, entry.storeId, 'purchaseAmountFen', entry.amountFen as number)
      }
      if (entry.action === 'reversePurchase') {
        add(byStore, entry.storeId, 'reversals', 1)
        add(byStore, entry.storeId, 'reversedAmountFen', entry.amountFen as number)
      }
    }
    for (const order of orders) {
      const home = homeOf.get(order.memberId as string)
      add(byStore, home, 'redemptions', 1)
      if (order.status === 'cancelled') add(byStore, home, 'redemptionsCancelled', 1)
      if (order.status === 'pickedUp') add(byStore, order.pickedUpStoreId, 'pickups', 1)
    }
    for (const coupon of coupons) {
      if (coupon.source === 'redeem') add(byStore, homeOf.get(coupon.memberId as string), 'redemptions', 1)
      add(byStore, null, 'couponsIssued', 1)
      if (coupon.usedAtMs !== null) add(byStore, coupon.usedStoreId, 'couponsVerified', 1)
    }
    return byStore
  }

  /** The folded figures of `day`, by store, with the points moved to one chain-wide row as `recomputed` has them. */
  async function counted(day: string): Promise<{ byStore: ByStore; events: number }> {
    const { data } = await harness.db.collection('stats_daily').where({ day }).get()
    const byStore: ByStore = new Map()
    let events = 0
    for (const daily of data as { storeId: string | null; figures: StatFigures; events: number }[]) {
      events += daily.events
      for (const [figure, amount] of Object.entries(daily.figures) as [StatFigure, number][]) {
        add(byStore, POINTS_FIGURES.includes(figure) ? '(chain)' : daily.storeId, figure, amount)
      }
    }
    return { byStore, events }
  }

  /** Both sides as `store figure → value`, leaving out zeros, so a figure on one side only shows. */
  const flat = (byStore: ByStore) =>
    Object.fromEntries(
      [...byStore].flatMap(([store, figures]) =>
        Object.entries(figures).flatMap(([figure, amount]) => (amount === 0 ? [] : [[`${store} ${figure}`, amount]])),
      ),
    )

  it.each(SEEDS)('seed %i: every figure equals its recount from the raw documents', async (seed) => {
    await harness.reset()
    await bindStoreTwo(harness)
    const members = await seedMembers(harness, {
      prefix: `o-stats-${seed}`,
      count: 5,
      points: 1500,
      atMs: NOW - 3 * DAY_MS,
    })
    await insertItem(harness, { id: 'soak-item', pointsPrice: 300, stock: 6, perMemberLimit: 2 })
    await insertTemplate(harness, { id: 'soak-template', totalQuantity: 5, perMemberLimit: 1 })
    const world = { members, itemId: 'soak-item', templateId: 'soak-template', nowMs: NOW }
    const plan = planWorkload(harness, world, {
      seed,
      waves: 4,
      perWave: 16,
      faults: { killRate: 0, databaseCrash: false },
    })
    for (const name of ['checkin', 'member', 'staff', 'mall', 'coupon', 'jobs'] as const) await harness.warm(name)
    const history = await runWorkload(harness, plan)
    // The workload did something of each kind the figures count, and no call failed.
    const codes = history.map(outcomeCodeOf)
    expect(codes.filter((code) => code === 'FAILED' || code === 'INTERNAL')).toEqual([])
    for (const operation of ['checkIn', 'recordPurchase', 'redeem', 'claim']) {
      expect(history.some((event) => event.operation === operation && outcomeCodeOf(event) === 'ok')).toBe(true)
    }

    const fold = dataOf(
      await harness.call('jobs', 'run', { job: 'foldStats', dryRun: false }, { as: ADMIN, atMs: NOW + 60_000 }),
    ) as JobOutcome
    expect(fold).toMatchObject({ outcome: 'finished', summary: { skipped: 0 } })
    const { data: left } = await harness.db.collection('stat_events').get()
    expect(left).toEqual([])

    const day = new Date(NOW + 8 * 3_600_000).toISOString().slice(0, 10)
    const folded = await counted(day)
    expect(folded.events).toBe(fold.summary.effects)
    expect(flat(folded.byStore)).toEqual(flat(await recomputed(NOW - 60_000)))
  })
})

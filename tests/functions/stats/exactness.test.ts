/**
 * The dashboard's counters are exact: after a seeded random concurrent workload (joins, check-ins,
 * makeups, profile completions, purchases in two stores, reversals, redemptions, cancellations,
 * pickups, claims and verifications, every instance warm) and the `foldStats` job, every figure of
 * `stats_daily` equals the same figure recomputed from the raw members, ledger, audit entries,
 * orders and coupons, figure by figure: per store for what happens in a store, chain-wide for the
 * points (an entry's store is its event's, which raw entries don't all name).
 */
import type { JobOutcome } from '@shared/contracts'
import type { StatFigure, StatFigures } from '@shared/stats/figures'
import {
  addFigure,
  type FiguresByStore,
  POINTS_FIGURES,
  rawDocumentsOf,
  recountFigures,
} from '../../support/statsRecount'
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

describe('dashboard counters after a random concurrent workload', () => {
  const harness = useFunctionHarness()

  /** The folded figures of `day`, by store, with the points moved to one chain-wide row as `recountFigures` has them. */
  async function counted(day: string): Promise<{ byStore: FiguresByStore; events: number }> {
    const { data } = await harness.db.collection('stats_daily').where({ day }).get()
    const byStore: FiguresByStore = new Map()
    let events = 0
    for (const daily of data as { storeId: string | null; figures: StatFigures; events: number }[]) {
      events += daily.events
      for (const [figure, amount] of Object.entries(daily.figures) as [StatFigure, number][]) {
        addFigure(byStore, POINTS_FIGURES.includes(figure) ? '(chain)' : daily.storeId, figure, amount)
      }
    }
    return { byStore, events }
  }

  /** Both sides as `store figure → value`, leaving out zeros, so a figure on one side only shows. */
  const flat = (byStore: FiguresByStore) =>
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
    expect(flat(folded.byStore)).toEqual(flat(recountFigures(await rawDocumentsOf(harness.db), NOW - 60_000)))
  })
})

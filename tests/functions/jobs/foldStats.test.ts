/**
 * The `foldStats` job through the real SDK: stat events are added into their business day's and
 * store's figures and removed, each exactly once, even when two runs fold the same events at once.
 */
import type { JobOutcome } from '@shared/contracts'
import { ADMIN, NOW } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(90_000)

const HOUR_MS = 3_600_000
/** 2026-11-23 00:30 in Shanghai: the demo programme's business day starts at midnight. */
const AFTER_MIDNIGHT = NOW - 11.5 * HOUR_MS

describe('jobs.foldStats', () => {
  const harness = useFunctionHarness()

  const run = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'foldStats', dryRun }, { as: ADMIN, atMs }))

  /** `count` events of one check-in and `points` points each, as units of work write them. */
  async function addEvents(count: number, event: { storeId: string | null; atMs: number; points: number }) {
    const { storeId, atMs, points } = event
    for (let index = 0; index < count; index += 1) {
      await harness.db.collection('stat_events').add({
        data: { _id: `stat_${storeId}_${atMs}_${index}`, storeId, atMs, delta: { checkIns: 1, pointsEarned: points } },
      })
    }
  }

  const daily = async (id: string) => (await harness.db.collection('stats_daily').doc(id).get()).data

  it('adds each event into its day and store once, also when two runs fold at the same time', async () => {
    await addEvents(450, { storeId: 'store-1', atMs: NOW, points: 5 })
    await addEvents(30, { storeId: null, atMs: NOW, points: 2 })
    // Half an hour after midnight belongs to the 23rd; half an hour before it, to the 22nd.
    await addEvents(3, { storeId: 'store-1', atMs: AFTER_MIDNIGHT, points: 1 })
    await addEvents(4, { storeId: 'store-1', atMs: AFTER_MIDNIGHT - HOUR_MS, points: 1 })

    await expect(run(NOW, true)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 487, effects: 487 },
    })
    await expect(harness.db.collection('stat_events').count()).resolves.toMatchObject({ total: 487 })

    await harness.warm('jobs')
    // Runs of two trigger slots hold different leases, so both fold the same events at once.
    const runs = await Promise.all([run(NOW + 60_000), run(NOW + 11 * 60_000)])
    expect(runs.map((outcome) => outcome.outcome)).toEqual(['finished', 'finished'])
    expect(runs.reduce((sum, outcome) => sum + outcome.summary.effects, 0)).toBe(487)

    await expect(daily('2026-11-23_store-1')).resolves.toMatchObject({
      day: '2026-11-23',
      storeId: 'store-1',
      events: 453,
      figures: { checkIns: 453, pointsEarned: 450 * 5 + 3, purchases: 0 },
    })
    await expect(daily('2026-11-23_')).resolves.toMatchObject({
      storeId: null,
      events: 30,
      figures: { checkIns: 30, pointsEarned: 60 },
    })
    await expect(daily('2026-11-22_store-1')).resolves.toMatchObject({ events: 4, figures: { checkIns: 4 } })
    await expect(harness.db.collection('stat_events').count()).resolves.toMatchObject({ total: 0 })

    // Events written later fold on top of what is there.
    await addEvents(2, { storeId: 'store-1', atMs: NOW + HOUR_MS, points: 10 })
    await expect(run(NOW + 21 * 60_000)).resolves.toMatchObject({ summary: { effects: 2 } })
    await expect(daily('2026-11-23_store-1')).resolves.toMatchObject({ events: 455, figures: { checkIns: 455 } })
  })
})

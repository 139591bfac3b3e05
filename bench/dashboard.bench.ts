// Dashboard benchmark: figures are printed, not asserted. `npm run bench` runs it.
// For 1,000 and then 100,000 seeded members (DASHBOARD_BENCH_MEMBERS to change the larger), writes
// 60 days of folded figures for two stores (what `foldStats` leaves, scaled to the members) and reads
// a 30-day chain dashboard (with the 30 days before it) and one store's, with a member snapshot per
// day for the chain and each store (what `snapshotMembers` leaves): the database requests each
// costs, which must not grow with the members, and the time.
import { availableParallelism, loadavg } from 'node:os'
import { dailyStatsIdOf } from '@shared/stats/dailyStats'
import { ZERO_FIGURES } from '@shared/stats/figures'
import { memberSnapshotIdOf, ZERO_SNAPSHOT_FIGURES } from '@shared/stats/memberSnapshot'
import { DEFAULT_RFM_THRESHOLDS } from '@shared/stats/rfm'
import { addDays } from '@shared/time/calendarDay'
import { type FunctionHarness, startFunctionHarness } from '../tests/functions/support/functionHarness'
import { memberNamed } from '../tests/unit/staff/staffFixtures'

const SIZES = [1000, Number(process.env.DASHBOARD_BENCH_MEMBERS ?? 100_000)]
const SEED_CHUNK = 1000
const NOW = Date.UTC(2026, 10, 23, 4)
const TODAY = '2026-11-23'
const ADMIN = 'o-demo-admin'
const STORES = ['store-1', 'store-2', null]

async function seed(harness: FunctionHarness, members: number): Promise<void> {
  for (let start = 0; start < members; start += SEED_CHUNK) {
    const batch = Array.from({ length: Math.min(SEED_CHUNK, members - start) }, (_, offset) =>
      memberNamed(`m-dash-${String(start + offset).padStart(7, '0')}`, { growth: (start + offset) % 600 }),
    )
    await harness.db.collection('members').add({ data: batch })
  }
  const dailies = []
  for (let back = 0; back < 60; back += 1) {
    const day = addDays(TODAY, -back)
    for (const storeId of STORES) {
      const purchases = Math.round(members / 50)
      dailies.push({
        _id: dailyStatsIdOf(day, storeId),
        day,
        storeId,
        figures: {
          ...ZERO_FIGURES,
          purchases,
          purchaseAmountFen: purchases * 3_500,
          checkIns: Math.round(members / 8),
        },
        events: purchases,
      })
    }
  }
  await harness.db.collection('stats_daily').add({ data: dailies })
  const snapshots = []
  for (let back = 0; back < 60; back += 1) {
    const day = addDays(TODAY, -back - 1)
    for (const storeId of ['', 'store-1', 'store-2']) {
      const figures = { ...ZERO_SNAPSHOT_FIGURES, members: storeId === '' ? members : Math.round(members / 3) }
      snapshots.push({
        _id: memberSnapshotIdOf(day, storeId),
        day,
        storeId,
        asOfMs: NOW,
        thresholds: DEFAULT_RFM_THRESHOLDS,
        figures,
      })
    }
  }
  await harness.db.collection('stats_snapshots').add({ data: snapshots })
}

async function measure(harness: FunctionHarness, input: Record<string, unknown>) {
  const startedMs = performance.now()
  let purchases = 0
  let snapshotMembers = 0
  const requests = await harness.countRequests(async () => {
    const envelope = await harness.call('admin', 'dashboard', input as never, { as: ADMIN, atMs: NOW })
    if (!envelope.ok) throw new Error(`dashboard failed: ${envelope.code} ${envelope.message}`)
    purchases = envelope.data.current.total.purchases
    snapshotMembers = envelope.data.snapshots.current?.figures.members ?? 0
  })
  return { requests, ms: performance.now() - startedMs, purchases, snapshotMembers }
}

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(1)
  const rows: string[] = []
  for (const members of SIZES) {
    const harness = await startFunctionHarness({ discardFunctionLogs: true })
    try {
      await seed(harness, members)
      const range = { from: addDays(TODAY, -29), to: TODAY }
      await measure(harness, range) // warms the instance
      const chain = await measure(harness, range)
      const store = await measure(harness, { ...range, storeId: 'store-1' })
      rows.push(
        `  ${members.toLocaleString('en').padStart(8)} members: chain ${chain.requests} requests ${chain.ms.toFixed(0)} ms` +
          ` (${chain.purchases.toLocaleString('en')} purchases, snapshot of ${chain.snapshotMembers.toLocaleString('en')} members),` +
          ` one store ${store.requests} requests ${store.ms.toFixed(0)} ms`,
      )
    } finally {
      await harness.stop()
    }
  }
  console.log(`
admin.dashboard, 30 days and the 30 before them, 3 store rows a day (${availableParallelism()} cores, load ${load})
${rows.join('\n')}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

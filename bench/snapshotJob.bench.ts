// Snapshot job benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Seeds SNAPSHOT_BENCH_MEMBERS members (100,000 by default) straight into the emulator, spread over
// two stores and none, four tiers, visits and purchase summaries old and recent, and runs
// snapshotMembers back to back (as triggers firing without pause would) until its run is done:
// invocations, the longest one (CloudBase stops an invocation at 60 s), total time and requests per
// member; the chain's snapshot is checked against the members seeded. Then a rerun the same day,
// which writes nothing.
import { availableParallelism, loadavg } from 'node:os'
import { EMPTY_WALLET, earnPoints } from '@shared/ledger'
import { type Member, NO_PURCHASES, withPurchase } from '@shared/member'
import { startFunctionHarness } from '../tests/functions/support/functionHarness'
import { memberNamed } from '../tests/unit/staff/staffFixtures'
import { runJobOnce, runJobUntilDone } from './jobRunner'
import { seedMembers } from './seedMembers'

const MEMBERS = Number(process.env.SNAPSHOT_BENCH_MEMBERS ?? 100_000)
const DAY_MS = 86_400_000
/** 2027-01-02 00:00 in Shanghai, and the run ten minutes later (it closes 2027-01-01). */
const DAY_START = Date.UTC(2027, 0, 1, 16)
const RUN_AT = DAY_START + 600_000
const TIERS = ['regular', 'silver', 'gold', 'black']
const STORES = ['store-1', 'store-2', null]

function memberOf(index: number): Member {
  const daysAgo = [1, 4, 12, 25, 45, 90, 200][index % 7] ?? 1
  let purchases = NO_PURCHASES
  for (let count = 0; count < index % 5; count += 1) {
    purchases = withPurchase(purchases, 3_000 + (index % 11) * 1_500, DAY_START - (daysAgo + count * 9) * DAY_MS)
  }
  return memberNamed(`m-snap-${String(index).padStart(7, '0')}`, {
    joinedStoreId: STORES[index % 3] ?? null,
    joinedAtMs: DAY_START - 400 * DAY_MS,
    tierId: TIERS[index % 4] ?? 'regular',
    lastVisitAtMs: DAY_START - daysAgo * DAY_MS,
    points: earnPoints(EMPTY_WALLET, { amount: 100 + (index % 50), expiresAtMs: null }).wallet,
    ...(purchases.count > 0 ? { purchases } : {}),
  })
}

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(1)
  const harness = await startFunctionHarness({ discardFunctionLogs: true })
  try {
    await seedMembers(harness, MEMBERS, memberOf)
    const { last, invocations, longestMs, totalMs, requests } = await runJobUntilDone(
      harness,
      'snapshotMembers',
      RUN_AT,
      (outcome) => `${outcome.summary.scanned} members so far`,
    )
    const chain = (await harness.db.collection('stats_snapshots').doc('2027-01-01_').get()).data
    const parts = (await harness.db.collection('stats_snapshot_parts').count()).total
    const again = await runJobOnce(harness, 'snapshotMembers', RUN_AT + Math.round(totalMs) + 60_000)
    const figures = chain?.figures ?? {}
    console.log(`
snapshotMembers over ${MEMBERS.toLocaleString('en')} members, 2 stores and none (${availableParallelism()} cores, load ${load})
  outcome:              ${last.outcome}; scanned ${last.summary.scanned.toLocaleString('en')}, ${last.summary.effects} snapshots, ${parts} parts
  invocations:          ${invocations}
  longest invocation:   ${(longestMs / 1000).toFixed(1)} s (CloudBase's limit: 60 s; the job's budget: 45 s)
  total time:           ${(totalMs / 1000).toFixed(1)} s (${Math.round(MEMBERS / (totalMs / 1000)).toLocaleString('en')} members/s)
  requests per member:  ${(requests / MEMBERS).toFixed(3)}
  chain snapshot:       ${Number(figures.members).toLocaleString('en')} members (${figures.members === MEMBERS ? 'all' : 'NOT all'}), ${Number(figures.activeMembers).toLocaleString('en')} active, ${Number(figures.pointsOutstanding).toLocaleString('en')} points, 复购率 ${((figures.repeatPurchasers / figures.purchasers) * 100).toFixed(1)}%
  run again, same day:  ${again.outcome.outcome}, ${again.requests} requests`)
  } finally {
    await harness.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

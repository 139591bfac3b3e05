// Jobs benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Seeds JOBS_BENCH_MEMBERS members (100,000 by default) straight into the emulator, each with a lot
// that has expired, and runs expirePoints back to back (as triggers firing without pause would)
// until its run is done: invocations, the longest one (CloudBase stops an invocation at 60 s),
// total time and requests per member. Then runs it twice more (same period, next period) to show
// that a second run writes nothing. Only members are seeded (no ledger): this measures the job's
// cost; the function tests check balance = ledger sum.
import { availableParallelism, loadavg } from 'node:os'
import type { JobOutcome } from '@shared/contracts'
import { EMPTY_WALLET, earnPoints } from '@shared/ledger'
import type { Member } from '@shared/member'
import { type FunctionHarness, startFunctionHarness } from '../tests/functions/support/functionHarness'
import { memberNamed } from '../tests/unit/staff/staffFixtures'

const MEMBERS = Number(process.env.JOBS_BENCH_MEMBERS ?? 100_000)
const SEED_CHUNK = 1000
/** 2027-01-01 00:00 in Shanghai, and a run an hour later. */
const EXPIRY = Date.UTC(2026, 11, 31, 16)
const RUN_AT = EXPIRY + 3_600_000
const ADMIN = 'o-demo-admin'

/** A member with 50 points that expired at EXPIRY and 20 that never expire. */
function memberOf(index: number): Member {
  const earned = earnPoints(EMPTY_WALLET, { amount: 50, expiresAtMs: EXPIRY }).wallet
  return memberNamed(`m-bench-${String(index).padStart(7, '0')}`, {
    points: earnPoints(earned, { amount: 20, expiresAtMs: null }).wallet,
  })
}

async function seed(harness: FunctionHarness): Promise<number> {
  const startedMs = performance.now()
  for (let start = 0; start < MEMBERS; start += SEED_CHUNK) {
    const members = Array.from({ length: Math.min(SEED_CHUNK, MEMBERS - start) }, (_, offset) =>
      memberOf(start + offset),
    )
    await harness.db.collection('members').add({ data: members })
  }
  return performance.now() - startedMs
}

async function run(harness: FunctionHarness, atMs: number) {
  let requests = 0
  let answer: JobOutcome | null = null
  const startedMs = performance.now()
  requests = await harness.countRequests(async () => {
    const envelope = await harness.call('jobs', 'run', { job: 'expirePoints', dryRun: false }, { as: ADMIN, atMs })
    if (!envelope.ok) throw new Error(`expirePoints failed: ${envelope.code} ${envelope.message}`)
    answer = envelope.data
  })
  return { ms: performance.now() - startedMs, requests, outcome: answer as unknown as JobOutcome }
}

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(1)
  const harness = await startFunctionHarness({ discardFunctionLogs: true })
  try {
    const seedMs = await seed(harness)
    console.log(`seeded ${MEMBERS.toLocaleString('en')} members in ${(seedMs / 1000).toFixed(1)} s`)
    const invocations: { ms: number; requests: number }[] = []
    let last: JobOutcome | null = null
    const startedMs = performance.now()
    do {
      // Each invocation's clock runs on from the last one's, as triggers firing one after another would.
      const { ms, requests, outcome } = await run(harness, RUN_AT + Math.round(performance.now() - startedMs))
      invocations.push({ ms, requests })
      last = outcome
      console.log(
        `  invocation ${invocations.length}: ${outcome.outcome}, ${(ms / 1000).toFixed(1)} s, ${outcome.summary.affected} members so far`,
      )
    } while (last.outcome === 'continuing')
    const totalMs = performance.now() - startedMs
    const requests = invocations.reduce((sum, invocation) => sum + invocation.requests, 0)
    const longestMs = Math.max(...invocations.map((invocation) => invocation.ms))
    const ledger = (await harness.db.collection('ledger').count()).total
    const again = await run(harness, RUN_AT + Math.round(totalMs) + 60_000)
    const nextDay = await run(harness, RUN_AT + 86_400_000)
    const ledgerAfter = (await harness.db.collection('ledger').count()).total
    console.log(`
expirePoints over ${MEMBERS.toLocaleString('en')} members, each with one expired lot (${availableParallelism()} cores, load ${load})
  outcome:              ${last.outcome}; ${last.summary.affected.toLocaleString('en')} members, ${last.summary.effects.toLocaleString('en')} entries, ${last.summary.points.toLocaleString('en')} points
  invocations:          ${invocations.length}
  longest invocation:   ${(longestMs / 1000).toFixed(1)} s (CloudBase's limit: 60 s; the job's budget: 45 s)
  total time:           ${(totalMs / 1000).toFixed(1)} s (${Math.round(MEMBERS / (totalMs / 1000)).toLocaleString('en')} members/s)
  requests per member:  ${(requests / MEMBERS).toFixed(2)}
  run again, same day:  ${again.outcome.outcome}, ${again.requests} requests
  run the next day:     ${nextDay.outcome.outcome}, scanned ${nextDay.outcome.summary.scanned}, ${nextDay.requests} requests
  ledger entries:       ${ledger.toLocaleString('en')} after the run, ${ledgerAfter.toLocaleString('en')} after both reruns`)
  } finally {
    await harness.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

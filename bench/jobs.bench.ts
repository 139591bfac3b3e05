// Jobs benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Seeds JOBS_BENCH_MEMBERS members (100,000 by default) straight into the emulator, each with a lot
// that has expired, and runs expirePoints back to back (as triggers firing without pause would)
// until its run is done: invocations, the longest one (CloudBase stops an invocation at 60 s),
// total time and requests per member. Then runs it twice more (same period, next period) to show
// that a second run writes nothing. Only members are seeded (no ledger): this measures the job's
// cost; the function tests check balance = ledger sum.
import { availableParallelism, loadavg } from 'node:os'
import { EMPTY_WALLET, earnPoints } from '@shared/ledger'
import type { Member } from '@shared/member'
import { startFunctionHarness } from '../tests/functions/support/functionHarness'
import { memberNamed } from '../tests/unit/staff/staffFixtures'
import { runJobOnce, runJobUntilDone } from './jobRunner'
import { seedMembers } from './seedMembers'

const MEMBERS = Number(process.env.JOBS_BENCH_MEMBERS ?? 100_000)
/** 2027-01-01 00:00 in Shanghai, and a run an hour later. */
const EXPIRY = Date.UTC(2026, 11, 31, 16)
const RUN_AT = EXPIRY + 3_600_000

/** A member with 50 points that expired at EXPIRY and 20 that never expire. */
function memberOf(index: number): Member {
  const earned = earnPoints(EMPTY_WALLET, { amount: 50, expiresAtMs: EXPIRY }).wallet
  return memberNamed(`m-bench-${String(index).padStart(7, '0')}`, {
    points: earnPoints(earned, { amount: 20, expiresAtMs: null }).wallet,
  })
}

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(1)
  const harness = await startFunctionHarness({ discardFunctionLogs: true })
  try {
    await seedMembers(harness, MEMBERS, memberOf)
    const { last, invocations, longestMs, totalMs, requests } = await runJobUntilDone(
      harness,
      'expirePoints',
      RUN_AT,
      (outcome) => `${outcome.summary.affected} members so far`,
    )
    const ledger = (await harness.db.collection('ledger').count()).total
    const again = await runJobOnce(harness, 'expirePoints', RUN_AT + Math.round(totalMs) + 60_000)
    const nextDay = await runJobOnce(harness, 'expirePoints', RUN_AT + 86_400_000)
    const ledgerAfter = (await harness.db.collection('ledger').count()).total
    console.log(`
expirePoints over ${MEMBERS.toLocaleString('en')} members, each with one expired lot (${availableParallelism()} cores, load ${load})
  outcome:              ${last.outcome}; ${last.summary.affected.toLocaleString('en')} members, ${last.summary.effects.toLocaleString('en')} entries, ${last.summary.points.toLocaleString('en')} points
  invocations:          ${invocations}
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

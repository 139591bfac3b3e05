/**
 * A history checker in the spirit of Jepsen: seeded random concurrent mixes of join, check-in,
 * makeup, profile completion, purchases (receipts repeat), reversals, redemptions, cancellations,
 * pickups, claims and coupon verification, by several members and clerks of two stores, with every
 * instance warm, and with faults: some invocations killed part-way by a short time limit, and (every
 * second seed) the database crashed and restarted in the middle of a wave. After every wave every
 * invariant (support/historyInvariants.ts) is checked on the database and on the answers.
 *
 * On a violation the history is shrunk (support/shrinkHistory.ts) and the failure names the seed,
 * the invariant, the shrunk history and the command that replays it.
 *
 * A fixed small budget runs in `npm test`; `npm run soak` runs many more seeds. Knobs: SOAK_SEEDS,
 * SOAK_FIRST_SEED, SOAK_WAVES, SOAK_PER_WAVE, SOAK_KILL_RATE (share of calls given a short time
 * limit), SOAK_CRASH_EVERY (the database crashes in seeds divisible by it; 0: never), SOAK_SHRINK_MS
 * (the shrinking budget), SOAK_DELAY_MS (every database request's delay), SOAK_LOGS=1 (show what
 * the functions log), SOAK_ONLY (run only these operation ids: a shrunk history) and SOAK_CRASH=0
 * (no database crash).
 */

import { insertTemplate } from './coupon/testTemplates'
import { seedMembers } from './mall/seededMembers'
import { insertItem } from './mall/testItems'
import { bindStoreTwo, NOW } from './staff/staffFixtures'
import { useFunctionHarness } from './support/functionHarness'
import {
  type CheckedWorld,
  killedCallEffects,
  type Snapshot,
  snapshotOf,
  type Violation,
  violationsOf,
} from './support/historyInvariants'
import {
  type HistoryEvent,
  outcomeCodeOf,
  planWorkload,
  runWorkload,
  type WorkloadPlan,
  type WorkloadWorld,
} from './support/randomWorkload'
import { type CheckedRun, type Subset, shrinkHistory } from './support/shrinkHistory'

const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const FIRST_SEED = numberFrom('SOAK_FIRST_SEED', 1)
const SEEDS = numberFrom('SOAK_SEEDS', 2)
const WAVES = numberFrom('SOAK_WAVES', 3)
const PER_WAVE = numberFrom('SOAK_PER_WAVE', 16)
const KILL_RATE = numberFrom('SOAK_KILL_RATE', 0.08)
const CRASH_EVERY = numberFrom('SOAK_CRASH_EVERY', 2)
const SHRINK_MS = numberFrom('SOAK_SHRINK_MS', 120_000)
const ONLY = process.env.SOAK_ONLY ? new Set(process.env.SOAK_ONLY.split(',')) : undefined
const CRASH = process.env.SOAK_CRASH !== '0'
const DELAY_MS = numberFrom('SOAK_DELAY_MS', 4)

const DAY_MS = 86_400_000
const CHECKED: CheckedWorld = {
  itemId: 'soak-item',
  templateId: 'soak-template',
  stock: 6,
  itemLimit: 2,
  couponTotal: 5,
  couponLimit: 1,
  // The demo programme's makeup rules (emulator/seed/demo/programme.ts): 2 a month, within 3 days.
  makeupMonthlyLimit: 2,
  today: new Date(NOW).toISOString().slice(0, 10),
  joinStoreId: 'store-1',
}

// The first seed warms every instance of five functions (a minute on a loaded machine); shrinking has its own budget.
jest.setTimeout(90_000 + WAVES * 20_000 + SHRINK_MS)

/** One event as a line of a failure message. */
function lineOf(event: HistoryEvent): string {
  const { token: _token, ...input } = event.input as { token?: string }
  const fault = event.timeLimitMs === null ? '' : ` [limit ${event.timeLimitMs} ms]`
  return `${event.id} ${event.operation} ${JSON.stringify(input)}${fault}${event.duringOutage ? ' [outage]' : ''} → ${outcomeCodeOf(event)}`
}

const describeViolations = (violations: readonly Violation[]) =>
  violations
    .slice(0, 5)
    .map((violation) => `  ${violation.invariant}: ${violation.detail}`)
    .join('\n')

describe('history checker: random concurrent workloads with faults keep every invariant', () => {
  // The faults make functions log their failures by the dozen: SOAK_LOGS=1 shows them.
  const harness = useFunctionHarness({ storage: 'file', discardFunctionLogs: process.env.SOAK_LOGS !== '1' })
  // A round trip's delay, as on CloudBase: without it a commit is answered the instant it arrives, and a
  // kill almost never lands between a commit and its answer.
  beforeAll(() => harness.cloud.database.setRequestDelayMs(DELAY_MS))
  const figures = { histories: 0, operations: 0, violations: 0, killed: 0, outages: 0, crashes: 0 }
  const killedLeft = { committed: 0, nothing: 0, ambiguous: 0, held: 0 }
  const answers: Record<string, number> = {}

  afterAll(() => {
    const mix = Object.entries(answers)
      .sort()
      .map(([answer, count]) => `${answer} ${count}`)
      .join(', ')
    console.info(
      `history checker: ${figures.histories} histories, ${figures.operations} operations, ${figures.violations} violations\n` +
        `faults: ${figures.killed} calls killed at their time limit (${killedLeft.committed} had committed, ` +
        `${killedLeft.nothing} had not, ${killedLeft.ambiguous} unclear); ${figures.crashes} database crashes, ` +
        `${figures.outages} calls in flight during them; ${killedLeft.held} units left held at the end\n${mix}`,
    )
  })

  async function seedWorld(seed: number): Promise<WorkloadWorld> {
    await bindStoreTwo(harness)
    // Joined three days ago, so the makeup window (the last three days) is open to them.
    const members = await seedMembers(harness, {
      prefix: `o-soak-${seed}`,
      count: 5,
      points: 1500,
      atMs: NOW - 3 * DAY_MS,
    })
    await insertItem(harness, {
      id: CHECKED.itemId,
      pointsPrice: 300,
      stock: CHECKED.stock,
      perMemberLimit: CHECKED.itemLimit,
    })
    await insertTemplate(harness, {
      id: CHECKED.templateId,
      totalQuantity: CHECKED.couponTotal,
      perMemberLimit: CHECKED.couponLimit,
    })
    return { members, itemId: CHECKED.itemId, templateId: CHECKED.templateId, nowMs: NOW }
  }

  /** Runs (some of) a plan on a fresh database, checking every invariant after each wave; stops at the first violation. */
  async function runChecked(
    plan: WorkloadPlan,
    seed: number,
    subset: Partial<Subset> = {},
  ): Promise<CheckedRun & { readonly snapshot: Snapshot | null }> {
    await harness.reset()
    await seedWorld(seed)
    let violations: Violation[] = []
    let snapshot: Snapshot | null = null
    const history = await runWorkload(harness, plan, {
      ...(subset.only ? { only: subset.only } : {}),
      crash: subset.crash ?? true,
      afterWave: async (sofar) => {
        snapshot = await snapshotOf(harness)
        violations = violationsOf(sofar, snapshot, CHECKED)
        return violations.length > 0
      },
    })
    return { history, violations, snapshot }
  }

  it.each(Array.from({ length: SEEDS }, (_, index) => FIRST_SEED + index))('seed %i', async (seed) => {
    const world = await seedWorld(seed)
    const plan = planWorkload(harness, world, {
      seed,
      waves: WAVES,
      perWave: PER_WAVE,
      faults: { killRate: KILL_RATE, databaseCrash: CRASH && CRASH_EVERY > 0 && seed % CRASH_EVERY === 0 },
    })
    for (const name of ['checkin', 'member', 'staff', 'mall', 'coupon'] as const) await harness.warm(name)

    const run = await runChecked(plan, seed, { ...(ONLY ? { only: ONLY } : {}), crash: CRASH })
    figures.histories += 1
    figures.operations += run.history.length
    figures.killed += run.history.filter((event) => event.outcome.kind === 'timedOut').length
    figures.outages += run.history.filter((event) => event.duringOutage).length
    figures.crashes +=
      CRASH && plan.databaseCrash && run.history.some((event) => event.wave >= (plan.databaseCrash?.wave ?? 0)) ? 1 : 0
    if (run.snapshot) {
      const left = killedCallEffects(run.history, run.snapshot, CHECKED)
      for (const key of Object.keys(killedLeft) as (keyof typeof killedLeft)[]) killedLeft[key] += left[key]
    }
    for (const event of run.history) {
      const answer = `${event.operation} ${outcomeCodeOf(event)}`
      answers[answer] = (answers[answer] ?? 0) + 1
    }
    if (run.violations.length === 0) return

    figures.violations += 1
    const lastWave = Math.max(...run.history.map((event) => event.wave))
    const crashed = CRASH && plan.databaseCrash !== null && plan.databaseCrash.wave <= lastWave
    const shrunk = await shrinkHistory({
      plan,
      failing: { ...run, only: new Set(run.history.map((event) => event.id)), crash: crashed },
      replay: (subset) => runChecked(plan, seed, subset),
      budgetMs: SHRINK_MS,
    })
    const replay = [
      `SOAK_FIRST_SEED=${seed} SOAK_SEEDS=1 SOAK_WAVES=${WAVES} SOAK_PER_WAVE=${PER_WAVE} SOAK_KILL_RATE=${KILL_RATE}`,
      `SOAK_CRASH_EVERY=${CRASH_EVERY}${shrunk.crash ? '' : ' SOAK_CRASH=0'} SOAK_ONLY=${[...shrunk.only].join(',')} npm run soak`,
    ].join(' ')
    const crash = shrunk.crash && plan.databaseCrash ? `database crash: ${JSON.stringify(plan.databaseCrash)}\n` : ''
    const summary =
      shrunk.reproduced === 0
        ? `no replay broke it again (${shrunk.replays} made); the history as it ran:`
        : `shrunk from ${run.history.length} to ${shrunk.history.length} operations ` +
          `(${shrunk.reproduced} of ${shrunk.replays} replays broke it again):\n${describeViolations(shrunk.violations)}`
    throw new Error(
      `seed ${seed} broke ${run.violations[0]?.invariant} after wave ${lastWave}:\n${describeViolations(run.violations)}\n` +
        `${summary}\n${crash}${shrunk.history.map(lineOf).join('\n')}\nreplay: ${replay}`,
    )
  })
})

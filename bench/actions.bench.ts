// Actions benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Every action of every cloud function, from the scenario table the request-count pins use
// (tests/functions/support/actionScenarios.ts), on the function tests' harness (built bundles, real
// wx-server-sdk, demo seed, 8 instances per function), with every database request delayed 10 ms.
import { availableParallelism, loadavg } from 'node:os'
import type { ApiEnvelope } from '@shared/contracts'
import {
  ACTION_SCENARIO_NAMES,
  type ActionCall,
  type ActionScenarioName,
  arrangeMany,
  invoke,
  prepareScenarios,
  warmUp,
} from '../tests/functions/support/actionScenarios'
import { type FunctionHarness, startFunctionHarness } from '../tests/functions/support/functionHarness'

/** The simulated round trip to CloudBase, in milliseconds. */
const REQUEST_DELAY_MS = 10
/** Invocations that warm every instance of the function (the harness runs 8 per function). */
const WARM_UP_INVOCATIONS = 16
/** Invocations one after another, per action: few, so their p95 is the slowest of them. */
const SEQUENTIAL_INVOCATIONS = 10
const CONCURRENCY = 32
/** Invocations per action at concurrency 32: one wave (4 per instance). */
const CONCURRENT_INVOCATIONS = 32

interface Row {
  readonly name: ActionScenarioName
  readonly requests: number
  readonly rounds: number
  readonly sequentialMs: readonly number[]
  readonly concurrentMs: readonly number[]
  readonly concurrentFailures: number
}

/** The 1-minute load average, to one decimal. */
const loadAverage = () => (loadavg()[0] ?? 0).toFixed(1)

function percentile(unsortedMs: readonly number[], fraction: number): number {
  const sortedMs = [...unsortedMs].sort((a, b) => a - b)
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(sortedMs.length * fraction))] ?? Number.NaN
}

async function timed(
  harness: FunctionHarness,
  call: ActionCall,
): Promise<{ ms: number; answer: ApiEnvelope<unknown> }> {
  const startedMs = performance.now()
  const answer = await invoke(harness, call)
  return { ms: performance.now() - startedMs, answer }
}

/** One invocation alone: its latency, requests and sequential rounds (from the emulator's per-invocation counts). */
async function measureAlone(harness: FunctionHarness, name: ActionScenarioName, call: ActionCall) {
  await fetch(`${harness.cloud.database.info().url}/__emulator/requests`, { method: 'DELETE' })
  const { ms, answer } = await timed(harness, call)
  if (!answer.ok) throw new Error(`${name} failed: ${answer.code}: ${answer.message}`)
  const report = harness.cloud.database.requestCounts()
  // A function that calls another makes a second invocation: its rounds run inside the caller's.
  const rounds = Math.max(0, ...Object.values(report.byInvocation).map((tally) => tally.rounds))
  return { ms, requests: report.total, rounds }
}

async function measureConcurrently(harness: FunctionHarness, calls: readonly ActionCall[]) {
  const latenciesMs: number[] = []
  let failures = 0
  let next = 0
  const worker = async (): Promise<void> => {
    for (let call = calls[next++]; call; call = calls[next++]) {
      const { ms, answer } = await timed(harness, call)
      latenciesMs.push(ms)
      if (!answer.ok) failures += 1
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { latenciesMs, failures }
}

async function benchmark(harness: FunctionHarness, name: ActionScenarioName): Promise<Row> {
  // State is set up without the delay: only the measured invocations pay it.
  harness.cloud.database.setRequestDelayMs(0)
  await warmUp(harness, name, { count: WARM_UP_INVOCATIONS, firstIndex: 0 })
  const sequential = await arrangeMany(harness, name, {
    count: SEQUENTIAL_INVOCATIONS,
    firstIndex: WARM_UP_INVOCATIONS,
  })
  const concurrent = await arrangeMany(harness, name, {
    count: CONCURRENT_INVOCATIONS,
    firstIndex: WARM_UP_INVOCATIONS + SEQUENTIAL_INVOCATIONS,
  })
  harness.cloud.database.setRequestDelayMs(REQUEST_DELAY_MS)
  const alone = []
  for (const call of sequential) alone.push(await measureAlone(harness, name, call))
  const { latenciesMs, failures } = await measureConcurrently(harness, concurrent)
  return {
    name,
    requests: Math.max(...alone.map((measure) => measure.requests)),
    // A request sent with others but delayed on a busy machine arrives after an answer and adds a round;
    // nothing can take one away, so the fewest is the truest.
    rounds: Math.min(...alone.map((measure) => measure.rounds)),
    sequentialMs: alone.map((measure) => measure.ms),
    concurrentMs: latenciesMs,
    concurrentFailures: failures,
  }
}

function table(rows: readonly Row[]): string {
  const header = ['action', 'requests', 'rounds', 'c1 p50', 'c1 p95', 'c32 p50', 'c32 p95', 'c32 failed']
  const cells = rows.map((row) => [
    row.name,
    String(row.requests),
    String(row.rounds),
    ...[row.sequentialMs, row.concurrentMs].flatMap((ms) => [0.5, 0.95].map((p) => percentile(ms, p).toFixed(0))),
    String(row.concurrentFailures),
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)),
  )
  const format = (line: readonly string[]) =>
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
  return [format(header), ...cells.map(format)].join('\n')
}

async function main(): Promise<void> {
  const startedMs = performance.now()
  const harness = await startFunctionHarness()
  await prepareScenarios(harness)
  const rows: Row[] = []
  const loadAtStart = loadAverage()
  for (const name of ACTION_SCENARIO_NAMES) {
    process.stderr.write(`actions benchmark: ${name}\n`)
    rows.push(await benchmark(harness, name))
  }
  await harness.stop()
  console.log(
    `actions: every database request delayed ${REQUEST_DELAY_MS} ms; latency in ms per invocation, ` +
      `${SEQUENTIAL_INVOCATIONS} alone (c1) and ${CONCURRENT_INVOCATIONS} at concurrency ${CONCURRENCY} (c32), ` +
      `8 warm instances per function`,
  )
  console.log(table(rows))
  // Latency depends on what else the machine runs: the load says whether two runs are comparable.
  console.log(
    `${((performance.now() - startedMs) / 1000).toFixed(0)} s; load average ${loadAtStart} at the start, ` +
      `${loadAverage()} at the end (${availableParallelism()} cores)`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

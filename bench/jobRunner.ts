// Runs a scheduled job through `jobs.run` as the benches measure it: one invocation, or invocations
// back to back (as triggers firing without pause would) until the period's run is done.
import type { JobName, JobOutcome } from '@shared/contracts'
import type { FunctionHarness } from '../tests/functions/support/functionHarness'

const ADMIN = 'o-demo-admin'

/** One invocation: its time, its database requests and its answer. */
export async function runJobOnce(harness: FunctionHarness, job: JobName, atMs: number) {
  let answer: JobOutcome | null = null
  const startedMs = performance.now()
  const requests = await harness.countRequests(async () => {
    const envelope = await harness.call('jobs', 'run', { job, dryRun: false }, { as: ADMIN, atMs })
    if (!envelope.ok) throw new Error(`${job} failed: ${envelope.code} ${envelope.message}`)
    answer = envelope.data
  })
  return { ms: performance.now() - startedMs, requests, outcome: answer as unknown as JobOutcome }
}

/**
 * Invocations until the run is done, each clock running on from the last one's, printing each with
 * `progress`'s count: the last answer, how many, the longest, the total time and requests.
 */
export async function runJobUntilDone(
  harness: FunctionHarness,
  job: JobName,
  runAtMs: number,
  progress: (outcome: JobOutcome) => string,
) {
  const invocations: { ms: number; requests: number }[] = []
  let last: JobOutcome | null = null
  const startedMs = performance.now()
  do {
    const { ms, requests, outcome } = await runJobOnce(
      harness,
      job,
      runAtMs + Math.round(performance.now() - startedMs),
    )
    invocations.push({ ms, requests })
    last = outcome
    console.log(
      `  invocation ${invocations.length}: ${outcome.outcome}, ${(ms / 1000).toFixed(1)} s, ${progress(outcome)}`,
    )
  } while (last.outcome === 'continuing')
  return {
    last,
    invocations: invocations.length,
    longestMs: Math.max(...invocations.map((invocation) => invocation.ms)),
    totalMs: performance.now() - startedMs,
    requests: invocations.reduce((sum, invocation) => sum + invocation.requests, 0),
  }
}

import type { JobOutcome } from '@shared/contracts'
import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import type { FunctionHarness } from '../support/functionHarness'

/**
 * Checks the answers of runs fired at once: exactly one finished the work; every other one was
 * leased out or found the run done, and wrote nothing. Answers the one that finished.
 */
export function expectOneRunDidTheWork(outcomes: readonly JobOutcome[]): JobOutcome {
  const finished = outcomes.filter((outcome) => outcome.outcome === 'finished')
  expect(finished).toHaveLength(1)
  for (const loser of outcomes.filter((outcome) => outcome.outcome !== 'finished')) {
    expect(['leased', 'alreadyDone']).toContain(loser.outcome)
    expect(loser.summary.effects).toBe(0)
  }
  return finished[0] as JobOutcome
}

/**
 * Puts a run back as its document would be had its invocation died in its first batch after writing
 * that batch's effects: running, no cursor, nothing counted, its lease lapsed.
 */
export async function reopenAsIfDied(harness: FunctionHarness, runId: string): Promise<void> {
  await harness.db
    .collection('job_runs')
    .doc(runId)
    .update({
      data: {
        status: 'running',
        cursor: null,
        leaseUntilMs: 0,
        finishedAtMs: null,
        summary: { ...EMPTY_JOB_SUMMARY, invocations: 1 },
      },
    })
}

import type { JobOutcome } from '@shared/contracts'

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

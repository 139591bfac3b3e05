import { addSummaries, EMPTY_JOB_SUMMARY, isOverdue, JOB_TRIGGER_INTERVAL_MS, jobRunIdOf } from '@shared/jobs'

const START = Date.UTC(2026, 11, 31, 16)
const GRACE = 2 * JOB_TRIGGER_INTERVAL_MS

describe('job runs', () => {
  it('are keyed by job and period', () => {
    expect(jobRunIdOf('expirePoints', '2027-01-01')).toBe('expirePoints:2027-01-01')
  })

  it('add their summaries up field by field', () => {
    const one = { scanned: 1, affected: 2, effects: 3, points: 4, skipped: 6, invocations: 5 }
    expect(addSummaries(one, one)).toEqual({
      scanned: 2,
      affected: 4,
      effects: 6,
      points: 8,
      skipped: 12,
      invocations: 10,
    })
    expect(addSummaries(EMPTY_JOB_SUMMARY, one)).toEqual(one)
  })

  it.each([
    ['no run yet, within two trigger intervals of the period start', null, START + GRACE - 1, false],
    ['no run two trigger intervals after the period start', null, START + GRACE, true],
    [
      'a running run with a recent heartbeat',
      { status: 'running', heartbeatAtMs: START + GRACE },
      START + GRACE + 1,
      false,
    ],
    ['a running run silent for two intervals', { status: 'running', heartbeatAtMs: START }, START + GRACE + 1, true],
    ['a finished run, however long ago', { status: 'done', heartbeatAtMs: START }, START + 100 * GRACE, false],
  ] as const)('say %s is overdue: %s', (_case, run, nowMs, overdue) => {
    expect(isOverdue({ run, periodStartMs: START, nowMs })).toBe(overdue)
  })
})

/**
 * Scheduled jobs run in resumable batches under a lease. A job's work for one period (for example
 * the points that expire on one business day) is one job run, `job_runs/<job>:<period>`: who holds
 * it and until when, how far it got (a cursor over member ids) and what it did so far. A timer may
 * fire twice and an invocation may die at its time limit, so a run is picked up by whoever finds its
 * lease lapsed, from its cursor, and every effect is keyed so that doing it again writes nothing.
 */

/** What a job has done in a run so far. */
export interface JobSummary {
  /** Members looked at. */
  readonly scanned: number
  /** Members changed (or, in a dry run, that would be). */
  readonly affected: number
  /** Effects written (or that would be): ledger entries for expiry. */
  readonly effects: number
  /** Points moved (or that would be): expired points for expiry. */
  readonly points: number
  /** Members the job looked at and left alone for a reason worth counting (for example: not subscribed to a message). */
  readonly skipped: number
  /** Invocations that worked on the run. */
  readonly invocations: number
}

export type JobRunStatus = 'running' | 'done'

/** `job_runs/<job>:<period>`. */
export interface JobRun {
  readonly _id: string
  readonly job: string
  readonly period: string
  readonly status: JobRunStatus
  /** The last member id done; null before the first batch. */
  readonly cursor: string | null
  /** The invocation working on it, until `leaseUntilMs`. */
  readonly holder: string
  readonly leaseUntilMs: number
  readonly startedAtMs: number
  /** When the holder last saved progress: a heartbeat far in the past on a running run means it is stuck. */
  readonly heartbeatAtMs: number
  readonly finishedAtMs: number | null
  readonly summary: JobSummary
}

/**
 * How long a lease lasts: longer than any invocation may run (CloudBase stops one at 60 s), so a
 * live holder never loses it, and short enough that a run whose invocation died resumes with the
 * next trigger.
 */
export const JOB_LEASE_MS = 70_000
/** How long one invocation works on a run before saving and leaving the rest to the next one. */
export const JOB_INVOCATION_BUDGET_MS = 45_000
/** How often the `jobs` timer fires (its config.json says the same in cron). */
export const JOB_TRIGGER_INTERVAL_MS = 600_000

export const EMPTY_JOB_SUMMARY: JobSummary = {
  scanned: 0,
  affected: 0,
  effects: 0,
  points: 0,
  skipped: 0,
  invocations: 0,
}

/** Two summaries added up. */
export function addSummaries(a: JobSummary, b: JobSummary): JobSummary {
  return {
    scanned: a.scanned + b.scanned,
    affected: a.affected + b.affected,
    effects: a.effects + b.effects,
    points: a.points + b.points,
    skipped: a.skipped + b.skipped,
    invocations: a.invocations + b.invocations,
  }
}

/** The id of a job's run for a period. */
export function jobRunIdOf(job: string, period: string): string {
  return `${job}:${period}`
}

/**
 * Whether the run of the current period is overdue: not done two trigger intervals after the period
 * began, with no heartbeat for two intervals (missing, or its invocations stopped). A job that
 * silently stops shows here.
 */
export function isOverdue(options: {
  readonly run: Pick<JobRun, 'status' | 'heartbeatAtMs'> | null
  readonly periodStartMs: number
  readonly nowMs: number
}): boolean {
  const { run, periodStartMs, nowMs } = options
  const grace = 2 * JOB_TRIGGER_INTERVAL_MS
  if (run?.status === 'done' || nowMs < periodStartMs + grace) return false
  return run === null || run.heartbeatAtMs < nowMs - grace
}

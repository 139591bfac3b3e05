import { randomBytes } from 'node:crypto'
import { EMPTY_JOB_SUMMARY, JOB_LEASE_MS, type JobRun, type JobSummary, jobRunIdOf } from '@shared/jobs'
import type { Database } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import { readDocument } from '../../common/readDocument'

/** A run this invocation holds: where to go on from and what was done so far. */
export interface HeldRun {
  readonly id: string
  readonly holder: string
  readonly cursor: string | null
  readonly summary: JobSummary
}

/** Why this invocation holds no run. */
export type NotHeld = 'leased' | 'alreadyDone'

/** A name for this invocation as a lease holder: random, so two invocations never share one. */
export function newHolder(): string {
  return randomBytes(9).toString('base64url')
}

/**
 * Takes the run of `job` for `period`: creates it, or takes it over when its lease has lapsed (its
 * invocation died or finished its budget), or answers why not. The lease moves only by conditional
 * updates, each atomic, so two invocations fired by the same timer tick never both hold it.
 * Requests: 1 for a new run, 2–3 otherwise.
 */
export async function takeRun(
  db: Database,
  options: { readonly job: string; readonly period: string; readonly holder: string; readonly nowMs: number },
): Promise<HeldRun | NotHeld> {
  const { job, period, holder, nowMs } = options
  const id = jobRunIdOf(job, period)
  const runs = db.collection('job_runs')
  const leaseUntilMs = nowMs + JOB_LEASE_MS
  const fresh: JobRun = {
    _id: id,
    job,
    period,
    status: 'running',
    cursor: null,
    holder,
    leaseUntilMs,
    startedAtMs: nowMs,
    heartbeatAtMs: nowMs,
    finishedAtMs: null,
    summary: EMPTY_JOB_SUMMARY,
  }
  try {
    await runs.add({ data: { ...fresh } })
    return { id, holder, cursor: null, summary: EMPTY_JOB_SUMMARY }
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
  const _ = db.command
  const taken = await runs
    .where({ _id: id, status: 'running', leaseUntilMs: _.lte(nowMs) })
    .update({ data: { holder, leaseUntilMs, heartbeatAtMs: nowMs } })
  const run = await readDocument(runs.doc(id))
  if (run === null) throw new Error(`job run ${id} vanished`)
  if (run.status === 'done') return 'alreadyDone'
  if (taken.stats.updated !== 1 || run.holder !== holder) return 'leased'
  return { id, holder, cursor: run.cursor, summary: run.summary }
}

/** A held run's progress: done, going on under this invocation (lease renewed), or left for the next (`release`). */
export interface RunProgress {
  readonly cursor: string | null
  readonly summary: JobSummary
  readonly done: boolean
  readonly release: boolean
  readonly nowMs: number
}

/**
 * Saves a held run's progress and renews its lease, lets go of it, or marks the run done; false
 * when the lease was lost meanwhile (another invocation took the run over), so the caller stops.
 * One request.
 */
export async function saveRun(db: Database, run: HeldRun, progress: RunProgress): Promise<boolean> {
  const { cursor, summary, done, release, nowMs } = progress
  const saved = await db
    .collection('job_runs')
    .where({ _id: run.id, holder: run.holder, status: 'running' })
    .update({
      data: {
        cursor,
        summary,
        heartbeatAtMs: nowMs,
        // A finished or paused run lets go of its lease; a running one keeps it for another stretch.
        leaseUntilMs: done || release ? nowMs : nowMs + JOB_LEASE_MS,
        ...(done ? { status: 'done', finishedAtMs: nowMs } : {}),
      },
    })
  return saved.stats.updated === 1
}

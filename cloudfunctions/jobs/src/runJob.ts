import type { JobName, JobOutcome } from '@shared/contracts'
import { addSummaries, EMPTY_JOB_SUMMARY, JOB_INVOCATION_BUDGET_MS, type JobSummary } from '@shared/jobs'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'
import { JOB_BATCHES } from './jobBatches'
import { newHolder, saveRun, takeRun } from './jobRuns'

const ONE_INVOCATION: JobSummary = { ...EMPTY_JOB_SUMMARY, invocations: 1 }

export interface JobRequest {
  readonly job: JobName
  readonly period: string
  /** The instant the job works as of (expiry: everything expired by then). */
  readonly nowMs: number
  /** The live programme, read once per invocation. */
  readonly programme: Programme
  readonly dryRun: boolean
  /**
   * When the invocation's budget began (real clock): jobs run one after the other in one timer
   * invocation share its budget; absent, the budget begins now.
   */
  readonly budgetStartedAtMs?: number
}

/**
 * Works on a job's run for its period for at most JOB_INVOCATION_BUDGET_MS (no batch is started that
 * the slowest one so far says would not fit): batch after batch from the run's cursor, saving
 * progress (and renewing the lease, or letting go of it on the last) after each, so an invocation killed at
 * any point loses at most one batch's bookkeeping (its effects are keyed and found done next time).
 * A dry run takes no lease and writes nothing: it counts from the start, within the same budget.
 */
export async function runJob(db: Database, request: JobRequest): Promise<JobOutcome> {
  const { job, period, nowMs, programme, dryRun } = request
  const batch = JOB_BATCHES[job]
  const startedAtMs = request.budgetStartedAtMs ?? Date.now()
  let slowestBatchMs = 0
  /** Whether another batch fits in the budget, at the pace of the slowest so far. */
  const anotherBatchFits = () => Date.now() - startedAtMs + slowestBatchMs < JOB_INVOCATION_BUDGET_MS
  const timedBatch = async (cursor: string | null) => {
    const batchStartedMs = Date.now()
    const next = await batch(db, { cursor, nowMs, programme, dryRun })
    slowestBatchMs = Math.max(slowestBatchMs, Date.now() - batchStartedMs)
    return next
  }
  const answer = (outcome: JobOutcome['outcome'], summary: JobSummary): JobOutcome => ({
    job,
    period,
    dryRun,
    outcome,
    summary,
  })

  if (dryRun) {
    let cursor: string | null = null
    let summary = ONE_INVOCATION
    do {
      const next = await timedBatch(cursor)
      summary = addSummaries(summary, next.summary)
      if (next.done) return answer('finished', summary)
      cursor = next.cursor
    } while (anotherBatchFits())
    return answer('continuing', summary)
  }

  const held = await takeRun(db, { job, period, holder: newHolder(), nowMs: Date.now() })
  if (held === 'leased' || held === 'alreadyDone') return answer(held, EMPTY_JOB_SUMMARY)
  let cursor = held.cursor
  let summary = addSummaries(held.summary, ONE_INVOCATION)
  for (;;) {
    const next = await timedBatch(cursor)
    cursor = next.cursor
    summary = addSummaries(summary, next.summary)
    // An invocation that stops short lets go of the lease, so the next trigger goes on at once.
    const stopping = !next.done && !anotherBatchFits()
    const saved = await saveRun(db, held, { cursor, summary, done: next.done, release: stopping, nowMs: Date.now() })
    if (!saved) return answer('leased', summary)
    if (next.done) return answer('finished', summary)
    if (stopping) return answer('continuing', summary)
  }
}

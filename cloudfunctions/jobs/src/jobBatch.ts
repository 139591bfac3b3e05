import type { JobSummary } from '@shared/jobs'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'

/** What a batch works as of: where the last one stopped, the instant, the live programme, and whether to write. */
export interface BatchOptions {
  /** The last member id done; null before the first batch. */
  readonly cursor: string | null
  /** The instant the job works as of (expiry: everything expired by then). */
  readonly nowMs: number
  readonly programme: Programme
  /** Count what the batch would do and write nothing. */
  readonly dryRun: boolean
}

/** One batch of a job: how far it got, whether that was the end, what it did. */
export interface BatchOutcome {
  readonly cursor: string | null
  readonly done: boolean
  readonly summary: JobSummary
}

/**
 * One batch of a job's work: a bounded slice of members after the cursor (one indexed query), each
 * effect keyed so that doing it again writes nothing. `runJob` calls batches until the run is done
 * or the invocation's budget is spent.
 */
export type JobBatch = (db: Database, options: BatchOptions) => Promise<BatchOutcome>

/**
 * The `jobs` cloud function: its timer runs whatever scheduled job is due; admins can see each job's
 * last run and run one now, for real or dry (counting what it would do, writing nothing).
 */
import { z } from 'zod'
import type { JobRunStatus, JobSummary } from '../jobs'

export type { JobSummary } from '../jobs'

/** The scheduled jobs. */
export const JOB_NAMES = [
  'expirePoints',
  'expiryReminders',
  'evaluateTiers',
  'upgradeTiers',
  'birthdayRewards',
  'winBack',
  'expireOrders',
  'reconcileStock',
  'deliverGiftCoupons',
  'foldStats',
  'snapshotMembers',
  'cleanupUploads',
  'exportCsv',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const runJobInput = z.object({ job: z.enum(JOB_NAMES), dryRun: z.boolean().default(false) }).strict()
export const jobStatusInput = z.object({}).strict()

/**
 * What one invocation of a job did: `finished` (the period's run is done), `continuing` (its budget
 * ran out; the next trigger goes on from the cursor), `leased` (another invocation holds the run),
 * `alreadyDone` (the period's run was done before). Summary: the whole run's, so far.
 */
export interface JobOutcome {
  readonly job: JobName
  readonly period: string
  readonly dryRun: boolean
  readonly outcome: 'finished' | 'continuing' | 'leased' | 'alreadyDone'
  readonly summary: JobSummary
}

/** `jobs.run`. */
export type RunJobResult = JobOutcome

/** A job as the jobs screen shows it: its current period's run (null before the first) and whether it is overdue. */
export interface JobState {
  readonly job: JobName
  readonly period: string
  readonly status: JobRunStatus | null
  readonly startedAtMs: number | null
  readonly heartbeatAtMs: number | null
  readonly finishedAtMs: number | null
  readonly summary: JobSummary | null
  readonly overdue: boolean
}

/** `jobs.status`. */
export interface JobStatus {
  readonly jobs: readonly JobState[]
}

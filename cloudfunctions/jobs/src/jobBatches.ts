import type { JobName } from '@shared/contracts'
import { expirePointsBatch } from './expirePoints'
import { expiryRemindersBatch } from './expiryReminders'
import type { JobBatch } from './jobBatch'

/** Each scheduled job's batch: adding a job is a name in JOB_NAMES and its batch here. */
export const JOB_BATCHES: Readonly<Record<JobName, JobBatch>> = {
  expirePoints: expirePointsBatch,
  expiryReminders: expiryRemindersBatch,
}

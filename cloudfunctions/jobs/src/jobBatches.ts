import type { JobName } from '@shared/contracts'
import { expireOrdersBatch } from './expireOrders'
import { expirePointsBatch } from './expirePoints'
import type { JobBatch } from './jobBatch'
import { reconcileStockBatch } from './reconcileStock'

/** Each scheduled job's batch: adding a job is a name in JOB_NAMES and its batch here. */
export const JOB_BATCHES: Readonly<Record<JobName, JobBatch>> = {
  expirePoints: expirePointsBatch,
  expireOrders: expireOrdersBatch,
  reconcileStock: reconcileStockBatch,
}

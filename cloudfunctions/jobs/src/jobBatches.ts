import type { JobName } from '@shared/contracts'
import { birthdayRewardsBatch } from './birthdayRewards'
import { cleanupUploadsBatch } from './cleanupUploads'
import { deliverGiftCouponsBatch } from './deliverGiftCoupons'
import { evaluateTiersBatch } from './evaluateTiers'
import { expireOrdersBatch } from './expireOrders'
import { expirePointsBatch } from './expirePoints'
import { expiryRemindersBatch } from './expiryReminders'
import { exportCsvBatch } from './exportCsv'
import { foldStatsBatch } from './foldStats'
import type { JobBatch } from './jobBatch'
import { reconcileStockBatch } from './reconcileStock'
import { snapshotMembersBatch } from './snapshotMembers'
import { upgradeTiersBatch } from './upgradeTiers'
import { winBackBatch } from './winBack'

/** Each scheduled job's batch: adding a job is a name in JOB_NAMES and its batch here. */
export const JOB_BATCHES: Readonly<Record<JobName, JobBatch>> = {
  expirePoints: expirePointsBatch,
  evaluateTiers: evaluateTiersBatch,
  birthdayRewards: birthdayRewardsBatch,
  winBack: winBackBatch,
  expireOrders: expireOrdersBatch,
  reconcileStock: reconcileStockBatch,
  expiryReminders: expiryRemindersBatch,
  upgradeTiers: upgradeTiersBatch,
  deliverGiftCoupons: deliverGiftCouponsBatch,
  foldStats: foldStatsBatch,
  snapshotMembers: snapshotMembersBatch,
  cleanupUploads: cleanupUploadsBatch,
  exportCsv: exportCsvBatch,
}

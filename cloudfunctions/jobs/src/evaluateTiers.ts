import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { decideTierReview, type TierReview } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'
import { runUnitOfWork } from '../../common/unitOfWork'
import type { JobBatch } from './jobBatch'
import { workThroughMembers } from './memberPages'

/** Members read per batch (CloudBase answers at most 1000 per get on the server). */
export const TIER_REVIEW_BATCH_SIZE = 200
/** Members reviewed at once within a batch: their transactions touch different documents. */
const TIER_REVIEW_PARALLELISM = 10

/** What one review counts toward the summary. */
function summaryOf(review: TierReview | null): JobSummary {
  const changed = review?.change ? 1 : 0
  return { ...EMPTY_JOB_SUMMARY, affected: changed, effects: changed, skipped: review?.heldByGrant ? 1 : 0 }
}

/**
 * Reviews one member in one unit of work, on a fresh read: the member with the next period counted
 * and the tier history entry, keyed by member and period end. A run that did it already, or a twin
 * doing it now, makes the unit find no review due (the twin's entry makes it read again).
 */
function reviewMember(db: Database, memberId: string, programme: Programme, nowMs: number): Promise<TierReview | null> {
  return runUnitOfWork(db, async (unit) => {
    const member = await unit.read('members', memberId)
    const review = member === null ? null : decideTierReview(member, programme, nowMs)
    if (review === null) return null
    if (review.change) unit.create('tier_history', review.change)
    unit.replace('members', review.member)
    return review
  })
}

/**
 * The next batch of `evaluateTiers` after `cursor`: members in id order whose qualification period
 * has ended by `nowMs`, and members never counted (written before `tierReviewAtMs` existed, found
 * by its absence and started on the current period), each reviewed in its own unit of work, or, in
 * a dry run, only counted. Points are never touched; upgrades happen when growth is earned.
 * Requests: 1 for the batch, and per member due: transaction start, member, entry (on a change) +
 * member, commit.
 */
export const evaluateTiersBatch: JobBatch = (db, options) => {
  const { cursor, nowMs, programme, dryRun } = options
  const _ = db.command
  const where = { tierReviewAtMs: _.or(_.lte(nowMs), _.exists(false)) }
  const query = { cursor, where, limit: TIER_REVIEW_BATCH_SIZE, parallelism: TIER_REVIEW_PARALLELISM }
  return workThroughMembers(db, query, async (slice) => {
    const reviews = dryRun
      ? slice.map((member) => decideTierReview(member, programme, nowMs))
      : await Promise.all(slice.map((member) => reviewMember(db, member._id, programme, nowMs)))
    return reviews.map(summaryOf)
  })
}

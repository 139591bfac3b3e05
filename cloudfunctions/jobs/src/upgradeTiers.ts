import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { decideThresholdUpgrade, type GrowthOutcome, lowestUpgradeGrowth } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'
import { issueGiftCoupons, recordGiftCouponsDue } from '../../common/giftCoupons'
import { runUnitOfWork } from '../../common/unitOfWork'
import type { BatchOutcome, JobBatch } from './jobBatch'
import { workThroughMembers } from './memberPages'

/** Members read per batch (CloudBase answers at most 1000 per get on the server). */
export const TIER_UPGRADE_BATCH_SIZE = 200
/** Members upgraded at once within a batch: their transactions touch different documents. */
const TIER_UPGRADE_PARALLELISM = 10

function summaryOf(outcome: GrowthOutcome | null): JobSummary {
  if (outcome === null) return EMPTY_JOB_SUMMARY
  const points = outcome.giftEntries.reduce((sum, entry) => sum + entry.amount, 0)
  return { ...EMPTY_JOB_SUMMARY, affected: 1, effects: 1 + outcome.giftEntries.length, points }
}

/**
 * Upgrades one member in one unit of work on a fresh read: the member, the gift entries and the gift
 * coupons due, keyed as a purchase's upgrade would be; the coupons are issued after the commit. A twin run, or a purchase that got there first, leaves the fresh read
 * with nothing due (or its gift entry already written, which makes the unit read again).
 */
async function upgradeMember(db: Database, memberId: string, programme: Programme, nowMs: number) {
  const outcome = await runUnitOfWork(db, async (unit) => {
    const member = await unit.read('members', memberId)
    const decided = member === null ? null : decideThresholdUpgrade(member, programme, nowMs)
    if (decided === null) return null
    for (const entry of decided.giftEntries) unit.createLedgerEntry(entry, decided.member.joinedStoreId)
    unit.replace('members', decided.member)
    recordGiftCouponsDue(unit, { memberId, coupons: decided.giftCoupons, source: 'upgrade', nowMs })
    return decided
  })
  if (outcome !== null && outcome.giftCoupons.length > 0) {
    await issueGiftCoupons(db, { memberId, coupons: outcome.giftCoupons, source: 'upgrade', programme, nowMs })
  }
  return outcome
}

const NOTHING_TO_DO: BatchOutcome = { cursor: null, done: true, summary: EMPTY_JOB_SUMMARY }

/**
 * The next batch of `upgradeTiers` after `cursor`: members whose growth reaches the second tier
 * (one query; below it nobody can be due), and of those the ones whose growth reaches a higher tier
 * than they hold, each upgraded in its own unit of work or, in a dry run, counted. Upgrades happen
 * as growth is earned; this job is for the members a lowered threshold lifted without a purchase, so
 * that "upgrades now" holds within a day of publishing (or at once with 立即运行). Requests: 1 for
 * the batch, and per member due: transaction start, member, gift entries + member (+ coupons due),
 * commit, and per gift coupon `grantCoupon`'s 7 and the due document's removal.
 */
export const upgradeTiersBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, programme, dryRun } = options
  const threshold = lowestUpgradeGrowth(programme)
  if (threshold === null) return NOTHING_TO_DO
  const where = { growth: db.command.gte(threshold) }
  const query = { cursor, where, limit: TIER_UPGRADE_BATCH_SIZE, parallelism: TIER_UPGRADE_PARALLELISM }
  return workThroughMembers(db, query, async (slice) => {
    const outcomes = dryRun
      ? slice.map((member) => decideThresholdUpgrade(member, programme, nowMs))
      : await Promise.all(slice.map((member) => upgradeMember(db, member._id, programme, nowMs)))
    return outcomes.map(summaryOf)
  })
}

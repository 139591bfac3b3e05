import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import { decideExpiry } from '@shared/member'
import type { Database } from '../../common/cloud'
import { runUnitOfWork } from '../../common/unitOfWork'
import type { JobBatch } from './jobBatch'
import { workThroughMembers } from './memberPages'

/** Members read per batch (CloudBase answers at most 1000 per get on the server). */
export const EXPIRY_BATCH_SIZE = 200
/** Members expired at once within a batch: their transactions touch different documents. */
const EXPIRY_PARALLELISM = 10

/**
 * Expires one member's expired lots in one unit of work, on a fresh read of the member (points may
 * have been spent since the batch was read). Each entry's id is keyed by member and lot, so a run
 * that did it already, or a twin doing it now, makes the unit find nothing left (its duplicate runs
 * it again on fresh reads). Answers the entries written and the points expired.
 */
async function expireMember(
  db: Database,
  memberId: string,
  nowMs: number,
): Promise<{ effects: number; points: number }> {
  return runUnitOfWork(db, async (unit) => {
    const member = await unit.read('members', memberId)
    const decided = member === null ? null : decideExpiry(member, nowMs)
    if (member === null || decided === null) return { effects: 0, points: 0 }
    for (const entry of decided.entries) unit.createLedgerEntry(entry, member.joinedStoreId)
    unit.replace('members', { ...member, points: decided.points })
    return { effects: decided.entries.length, points: decided.expired }
  })
}

/**
 * The next batch of `expirePoints` after `cursor`: members in id order whose wallet holds a lot
 * expired by `nowMs` (the query asks the database for those only; the decision checks again), each
 * expired in its own unit of work, or, in a dry run, only counted. Requests: 1 for the batch, and
 * per member expired: transaction start, member, one entry per lot + member, commit.
 */
export const expirePointsBatch: JobBatch = (db, options) => {
  const { cursor, nowMs, dryRun } = options
  const _ = db.command
  const where = { 'points.lots.expiresAtMs': _.lte(nowMs) }
  const query = { cursor, where, limit: EXPIRY_BATCH_SIZE, parallelism: EXPIRY_PARALLELISM }
  return workThroughMembers(db, query, async (slice) => {
    const outcomes = dryRun
      ? slice.map((member) => {
          const decided = decideExpiry(member, nowMs)
          return { effects: decided?.entries.length ?? 0, points: decided?.expired ?? 0 }
        })
      : await Promise.all(slice.map((member) => expireMember(db, member._id, nowMs)))
    return outcomes.map(({ effects, points }) => ({
      ...EMPTY_JOB_SUMMARY,
      affected: effects > 0 ? 1 : 0,
      effects,
      points,
    }))
  })
}

import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import { decideExpiry, type Member } from '@shared/member'
import type { Database } from '../../common/cloud'
import { runUnitOfWork } from '../../common/unitOfWork'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

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
    for (const entry of decided.entries) unit.create('ledger', entry)
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
export const expirePointsBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, dryRun } = options
  const _ = db.command
  const { data } = await db
    .collection('members')
    .where({ _id: _.gt(cursor ?? ''), 'points.lots.expiresAtMs': _.lte(nowMs) })
    .orderBy('_id', 'asc')
    .limit(EXPIRY_BATCH_SIZE)
    .get()
  const members = data as Member[]
  const outcomes = await mapInSlices(members, EXPIRY_PARALLELISM, async (member) => {
    if (!dryRun) return expireMember(db, member._id, nowMs)
    const decided = decideExpiry(member, nowMs)
    return { effects: decided?.entries.length ?? 0, points: decided?.expired ?? 0 }
  })
  const effects = outcomes.reduce((sum, outcome) => sum + outcome.effects, 0)
  const points = outcomes.reduce((sum, outcome) => sum + outcome.points, 0)
  const affected = outcomes.filter((outcome) => outcome.effects > 0).length
  return {
    cursor: members.at(-1)?._id ?? cursor,
    done: members.length < EXPIRY_BATCH_SIZE,
    summary: { ...EMPTY_JOB_SUMMARY, scanned: members.length, affected, effects, points },
  }
}

import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { decideWinBack, dormantBeforeMs, type Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../../common/cloud'
import { grantCoupon } from '../../common/grantCoupon'
import { runUnitOfWork } from '../../common/unitOfWork'
import type { BatchOutcome, JobBatch } from './jobBatch'
import { workThroughMembers } from './memberPages'

/** Members read per batch: each dormant one costs a coupon grant (about 8 requests, one at a time). */
export const WIN_BACK_BATCH_SIZE = 100
/** Members whose spell is marked at once: their transactions touch different documents. */
const WIN_BACK_PARALLELISM = 10

interface WinBackContext {
  readonly programme: Programme
  readonly templateId: string
  readonly nowMs: number
}

const optionsOf = (context: WinBackContext) => ({
  nowMs: context.nowMs,
  inactiveDays: context.programme.automation.winBack.inactiveDays,
  timeZone: context.programme.timeZone,
})

/**
 * Gives a dormant member the spell's coupon, keyed by member and last visit (a second grant with
 * the key issues nothing). Answers whether it was given (now or before) and whether this call issued it.
 */
async function giveCoupon(db: Database, member: Member, context: WinBackContext) {
  const decided = decideWinBack(member, optionsOf(context))
  if (decided.kind !== 'dormant') return { given: false, issued: false }
  const grant = await grantCoupon(db, {
    memberId: member._id,
    templateId: context.templateId,
    key: decided.key,
    source: 'winBack',
    programme: context.programme,
    nowMs: context.nowMs,
  })
  return { given: grant.ok, issued: grant.ok && grant.data.issued }
}

/**
 * Marks the member's spell as given (or, for an active member written before visits were recorded,
 * records the estimate of their last visit, so the index finds them only once they are dormant), on
 * a fresh read: a member who visited since the batch read has begun a new spell and keeps it open.
 */
function settleMember(db: Database, memberId: string, given: boolean, context: WinBackContext): Promise<void> {
  return runUnitOfWork(db, async (unit) => {
    const fresh = await unit.read('members', memberId)
    if (fresh === null) return
    const decided = decideWinBack(fresh, optionsOf(context))
    if (decided.kind === 'dormant' && given) unit.update('members', memberId, { winBackSent: true })
    else if (decided.kind !== 'alreadySent' && fresh.lastVisitAtMs === undefined) {
      unit.update('members', memberId, { lastVisitAtMs: decided.lastVisitMs })
    }
  })
}

/** A slice: coupons one at a time (a grant cannot run beside an open transaction), then the members at once. */
async function winBackSlice(db: Database, slice: readonly Member[], context: WinBackContext): Promise<JobSummary[]> {
  const outcomes: { given: boolean; issued: boolean }[] = []
  for (const member of slice) outcomes.push(await giveCoupon(db, member, context))
  await Promise.all(
    slice.map((member, index) => settleMember(db, member._id, outcomes[index]?.given ?? false, context)),
  )
  return slice.map((member, index) => {
    const dormant = decideWinBack(member, optionsOf(context)).kind === 'dormant'
    const { given = false, issued = false } = outcomes[index] ?? {}
    return {
      ...EMPTY_JOB_SUMMARY,
      affected: issued ? 1 : 0,
      effects: issued ? 1 : 0,
      skipped: dormant && !given ? 1 : 0,
    }
  })
}

/** A dry run's count: the dormant members owed a coupon. */
function wouldWinBack(member: Member, context: WinBackContext): JobSummary {
  const dormant = decideWinBack(member, optionsOf(context)).kind === 'dormant'
  return { ...EMPTY_JOB_SUMMARY, affected: dormant ? 1 : 0, effects: dormant ? 1 : 0 }
}

const NOTHING_TO_DO: BatchOutcome = { cursor: null, done: true, summary: EMPTY_JOB_SUMMARY }

/**
 * The next batch of `winBack`: members with no visit for `automation.winBack.inactiveDays` (by the
 * `lastVisitAtMs` index; members written before visits were recorded are found too and given their
 * estimate) whose dormancy spell has not had its coupon, each given `automation.winBack.couponTemplateId`
 * once per spell (the key names the last visit; a visit starts a new spell). Nothing without a
 * template. A coupon not issued (sold out, retired) counts as skipped, and the member is asked
 * again the next day. Requests: 1 for the batch; per dormant member the grant (about 8), and a
 * unit of work marking the spell (4).
 */
export const winBackBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, programme, dryRun } = options
  const templateId = programme.automation.winBack.couponTemplateId
  if (templateId === null) return NOTHING_TO_DO
  const context: WinBackContext = { programme, templateId, nowMs }
  const _ = db.command
  const where = {
    lastVisitAtMs: _.or(_.lte(dormantBeforeMs(nowMs, programme.automation.winBack.inactiveDays)), _.exists(false)),
    winBackSent: _.neq(true),
  }
  const query = { cursor, where, limit: WIN_BACK_BATCH_SIZE, parallelism: WIN_BACK_PARALLELISM }
  return workThroughMembers(db, query, (slice) =>
    dryRun ? slice.map((member) => wouldWinBack(member, context)) : winBackSlice(db, slice, context),
  )
}

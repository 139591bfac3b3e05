import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { birthdayCouponKeyOf, birthdaysDue, decideBirthdayGift, type Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { businessDayOf } from '@shared/time/businessDay'
import type { Database } from '../../common/cloud'
import { grantCoupon } from '../../common/grantCoupon'
import { runUnitOfWork } from '../../common/unitOfWork'
import type { JobBatch } from './jobBatch'
import { workThroughMembers } from './memberPages'

/** Members read per batch without coupon gifts (CloudBase answers at most 1000 per get on the server). */
export const BIRTHDAY_BATCH_SIZE = 200
/** Members paid at once within a batch: their transactions touch different documents. */
const BIRTHDAY_PARALLELISM = 10

interface GiftContext {
  readonly programme: Programme
  readonly year: number
  readonly nowMs: number
}

/** What a member's gift counts (or, in a dry run, would): coupons not issued count as skipped. */
function giftSummary(options: { entries: number; points: number; coupons: number; notIssued: number }): JobSummary {
  const effects = options.entries + options.coupons
  return {
    ...EMPTY_JOB_SUMMARY,
    affected: effects > 0 ? 1 : 0,
    effects,
    points: options.points,
    skipped: options.notIssued,
  }
}

/** What a dry run would do for a member, from the batch's read. */
function wouldGive(member: Member, context: GiftContext): JobSummary {
  const decided = decideBirthdayGift(member, context.programme, context)
  if (decided === null) return EMPTY_JOB_SUMMARY
  const { points, couponTemplateIds } = decided.gift
  return giftSummary({ entries: points > 0 ? 1 : 0, points, coupons: couponTemplateIds.length, notIssued: 0 })
}

/**
 * Issues a member's birthday coupons, one after the other, each through the coupon grant keyed per
 * member, year and template. Never beside a unit of work of the same invocation: a grant reserves
 * with a `where().update()`, which CloudBase cannot run while the invocation has a transaction open.
 * Answers the coupons issued now and those not issued (sold out, retired, missing).
 */
async function issueCoupons(
  db: Database,
  member: Member,
  context: GiftContext,
): Promise<{ coupons: number; notIssued: number }> {
  const planned = decideBirthdayGift(member, context.programme, context)
  let coupons = 0
  let notIssued = 0
  for (const templateId of planned?.gift.couponTemplateIds ?? []) {
    const grant = await grantCoupon(db, {
      memberId: member._id,
      templateId,
      key: birthdayCouponKeyOf(member._id, context.year, templateId),
      source: 'birthday',
      programme: context.programme,
      nowMs: context.nowMs,
    })
    if (!grant.ok) notIssued += 1
    else if (grant.data.issued) coupons += 1
  }
  return { coupons, notIssued }
}

/**
 * Pays a member's birthday points (keyed per member and year) and marks the year paid, in one unit
 * of work on a fresh read. Done after the member's coupons: a run killed in between finds the
 * member unpaid and does it again, the coupons answering as already issued. A twin paying the same
 * member makes this unit find the year paid (its entry's id is taken).
 */
function payPoints(db: Database, memberId: string, context: GiftContext): Promise<{ entries: number; points: number }> {
  return runUnitOfWork(db, async (unit) => {
    const fresh = await unit.read('members', memberId)
    const decided = fresh === null ? null : decideBirthdayGift(fresh, context.programme, context)
    if (decided === null) return { entries: 0, points: 0 }
    if (decided.entry) unit.createLedgerEntry(decided.entry, decided.member.joinedStoreId)
    unit.replace('members', decided.member)
    return { entries: decided.entry ? 1 : 0, points: decided.entry?.amount ?? 0 }
  })
}

const NONE_ISSUED = { coupons: 0, notIssued: 0 }

/** Pays a slice of members: their coupons one by one, then their points at once. */
async function paySlice(db: Database, slice: readonly Member[], context: GiftContext): Promise<JobSummary[]> {
  const issued: { coupons: number; notIssued: number }[] = []
  for (const member of slice) issued.push(await issueCoupons(db, member, context))
  return Promise.all(
    slice.map(async (member, index) =>
      giftSummary({ ...(await payPoints(db, member._id, context)), ...(issued[index] ?? NONE_ISSUED) }),
    ),
  )
}

/**
 * Members per batch: fewer when birthday gifts carry coupons, which are issued one at a time (about
 * 7 requests each), so a batch stays well inside an invocation's budget.
 */
export function birthdayBatchSizeOf(programme: Programme): number {
  const couponsMax = Math.max(0, ...programme.tiers.map((tier) => tier.birthdayGift.couponTemplateIds.length))
  return Math.floor(BIRTHDAY_BATCH_SIZE / (1 + couponsMax))
}

/**
 * The next batch of `birthdayRewards` after `cursor`: members in id order whose birthday's gift is
 * due by today (on the day, or from the first of the birthday month, per
 * `programme.automation.birthdayGiftOn`; 29 February on 28 February in other years; a few missed
 * days caught up, see `birthdaysDue`) and not paid this year, by the `profile.birthday` index. Each
 * is paid (`paySlice`), or, in a dry run, only counted.
 * Requests: 1 for the batch; per member paid: each coupon's grant (8 at most, one at a time), and
 * transaction start, member, entry + member, commit.
 */
export const birthdayRewardsBatch: JobBatch = (db, options) => {
  const { cursor, nowMs, programme, dryRun } = options
  const today = businessDayOf(nowMs, businessDayRuleOf(programme))
  const context: GiftContext = { programme, year: Number(today.slice(0, 4)), nowMs }
  const _ = db.command
  const where = {
    'profile.birthday': _.in(birthdaysDue(today, programme.automation.birthdayGiftOn)),
    // Also matches members never paid (no field): the index narrows by birthday, this by year.
    birthdayGiftYear: _.neq(context.year),
  }
  const query = { cursor, where, limit: birthdayBatchSizeOf(programme), parallelism: BIRTHDAY_PARALLELISM }
  return workThroughMembers(db, query, (slice) =>
    dryRun ? slice.map((member) => wouldGive(member, context)) : paySlice(db, slice, context),
  )
}

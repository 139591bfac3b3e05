import { API, type IssueCouponResult } from '@shared/contracts'
import { newCoupon } from '@shared/coupon'
import type { Programme } from '@shared/programme/schema'
import { err, ok } from '@shared/result'
import {
  type AdminCouponIssueAuditEntry,
  auditOperatorOf,
  type CouponIssueOutcome,
  type CouponIssueRefusal,
} from '@shared/staff'
import { type Database, database } from '../../../common/cloud'
import type { StoredTemplate } from '../../../common/couponTemplates'
import { loadCouponTemplate } from '../../../common/couponTemplates'
import { isDuplicateKeyError } from '../../../common/databaseErrors'
import type { AuditDocument, StaffDocument } from '../../../common/documents/staff'
import { createKeyedCoupon } from '../../../common/grantCoupon'
import { issuedCounterOf, reserveUpTo } from '../../../common/issuedCounter'
import { currentProgramme } from '../../../common/programmeStore'
import { readDocument } from '../../../common/readDocument'
import { issueIdOf } from '../../../common/requestKeys'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { adminAuditIdOf } from '../items'

/** Members' units of work run at once: 200 members in 25 rounds, far inside 60 s. */
const ISSUE_CONCURRENCY = 8

interface IssueContext {
  readonly db: Database
  readonly staff: StaffDocument
  readonly stored: StoredTemplate
  readonly programme: Programme
  readonly requestId: string
  readonly nowMs: number
}

const refused = (memberId: string, refusal: CouponIssueRefusal): CouponIssueOutcome => ({
  memberId,
  couponId: null,
  refusal,
})
const given = (memberId: string, couponId: string): CouponIssueOutcome => ({ memberId, couponId, refusal: null })

/** What an earlier attempt answered, from its audit entry; REQUEST_ID_REUSED for another action, template or member list. */
function replayOf(marker: AuditDocument, input: { templateId: string; memberIds: readonly string[] }) {
  const sameRequest =
    marker.action === 'issueCoupon' &&
    marker.subjectId === input.templateId &&
    marker.outcomes.map((outcome) => outcome.memberId).join() === input.memberIds.join()
  if (!sameRequest) return err('REQUEST_ID_REUSED')
  return ok<IssueCouponResult>({
    templateId: input.templateId,
    issuedCount: marker.issuedCount,
    outcomes: marker.outcomes,
    replayed: true,
  })
}

/**
 * Each member's outcome before issuing, from two batched reads: unknown members and (for a manager)
 * other stores' members are refused, members this request already gave a coupon (an attempt that
 * died before its audit entry) keep it; null for the members still to issue to.
 */
async function precheck(context: IssueContext, memberIds: readonly string[]) {
  const _ = context.db.command
  const keys = memberIds.map((memberId) => issueIdOf(memberId, context.requestId))
  const [members, coupons] = await Promise.all([
    context.db
      .collection('members')
      .where({ _id: _.in([...memberIds]) })
      .limit(memberIds.length)
      .get(),
    context.db
      .collection('coupons')
      .where({ _id: _.in(keys) })
      .limit(memberIds.length)
      .get(),
  ])
  const stores = new Map(members.data.map((member) => [member._id, member.joinedStoreId]))
  const issued = new Set(coupons.data.map((coupon) => coupon._id))
  const ownStoreOnly = context.staff.role !== 'admin'
  return memberIds.map((memberId, index): CouponIssueOutcome | null => {
    if (!stores.has(memberId)) return refused(memberId, 'MEMBER_NOT_FOUND')
    if (ownStoreOnly && stores.get(memberId) !== context.staff.storeId)
      return refused(memberId, 'MEMBER_OF_OTHER_STORE')
    return issued.has(keys[index] as string) ? given(memberId, keys[index] as string) : null
  })
}

/** The coupon a member gets from this request: its id derived from the request and the member. */
function couponFor(context: IssueContext, memberId: string) {
  return newCoupon({
    id: issueIdOf(memberId, context.requestId),
    memberId,
    template: context.stored.template,
    programme: context.programme,
    source: 'admin',
    sourceId: context.stored.template.id,
    requestId: context.requestId,
    issuedAtMs: context.nowMs,
  })
}

/**
 * Creates the coupons of the members still without an outcome, in order, as far as the total goes:
 * first the coupons are reserved (one update when enough are free; see `reserveUpTo`), the members
 * beyond them are SOLD_OUT; then one unit of work per member, ISSUE_CONCURRENCY at a time (no
 * conditional update may run while this invocation has a transaction open); then one update keeps
 * the coupons used and gives back those a twin's coupon made unneeded (or a failure left unused).
 */
async function issueAll(
  context: IssueContext,
  planned: readonly (CouponIssueOutcome | null)[],
  memberIds: readonly string[],
) {
  const outcomes = [...planned]
  const pending = planned.flatMap((outcome, index) => (outcome === null ? [index] : []))
  const counter = issuedCounterOf(context.db, context.stored.template, context.nowMs)
  const reserved = await reserveUpTo(counter, pending.length)
  for (const index of pending.slice(reserved)) outcomes[index] = refused(memberIds[index] as string, 'SOLD_OUT')
  let kept = 0
  let failure: unknown = null
  const toCreate = pending.slice(0, reserved)
  for (let start = 0; start < toCreate.length; start += ISSUE_CONCURRENCY) {
    const slice = toCreate.slice(start, start + ISSUE_CONCURRENCY)
    const settled = await Promise.allSettled(
      slice.map((index) => createKeyedCoupon(context.db, couponFor(context, memberIds[index] as string))),
    )
    settled.forEach((answer, offset) => {
      if (answer.status === 'rejected') failure ??= answer.reason
      else if (answer.value.result.ok) {
        if (answer.value.consumed) kept += 1
        outcomes[slice[offset] as number] = given(
          memberIds[slice[offset] as number] as string,
          answer.value.result.data.coupon._id,
        )
      }
    })
    if (failure) break
  }
  await counter.settleMany(kept, reserved - kept)
  if (failure) throw failure
  return { outcomes: outcomes as CouponIssueOutcome[], newlyIssued: kept }
}

/** The request's one audit entry, written once every member is settled; a twin's entry written first stands. */
async function writeIssueEntry(context: IssueContext, outcomes: readonly CouponIssueOutcome[], newlyIssued: number) {
  const issuedCount = outcomes.filter((outcome) => outcome.couponId !== null).length
  const entry: AdminCouponIssueAuditEntry = {
    _id: adminAuditIdOf(context.requestId),
    ...auditOperatorOf(context.staff),
    action: 'issueCoupon',
    requestId: context.requestId,
    subjectId: context.stored.template.id,
    issuedCount,
    outcomes,
    changes: { issued: { before: context.stored.issued, after: context.stored.issued + newlyIssued } },
    note: `${context.stored.template.title}：${issuedCount}/${outcomes.length} 位会员`,
    createdAtMs: context.nowMs,
  }
  try {
    await context.db.collection('audit').add({ data: { ...entry } })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
  return issuedCount
}

/**
 * `admin.issueCoupon`: one coupon of a template to each member named (up to 200; a manager: their own
 * store's members, at most the programme's `managerCouponIssueMax` per request, else
 * ISSUE_OVER_LIMIT). Each coupon's id is derived from the request and the member, so a resent
 * request (or a twin at the same moment) issues nobody a second coupon; every coupon takes the
 * template's total by the same conditional reservation as a claim, so issues and claims together
 * never exceed it. The answer names each member's coupon or why none (MEMBER_NOT_FOUND,
 * MEMBER_OF_OTHER_STORE, SOLD_OUT). A missing or retired template issues nothing. One audit entry
 * per request, written last; a retry that finds it answers it again.
 *
 * Requests with the programme cached: staff, marker and template at once (3), members and coupons at
 * once (2), the reservation (1 while enough are left), a unit of work of 4 per member (8 at a time:
 * 200 members in 25 rounds of 4 round trips), the settling (1, with a total), the audit entry (1):
 * 8 + 4 per member (7 + 4 without a total). A replay: 3.
 */
export const issueCoupon = defineAction(API.admin.issueCoupon, async (input, caller) => {
  const db = database()
  const [staff, programme, marker, stored] = await Promise.all([
    requireManager(db, caller),
    currentProgramme(db, caller.nowMs),
    readDocument(db.collection('audit').doc(adminAuditIdOf(input.requestId))),
    loadCouponTemplate(db, input.templateId),
  ])
  if (!staff.ok) return staff
  const limit = programme.staffLimits.managerCouponIssueMax
  if (staff.data.role !== 'admin' && input.memberIds.length > limit) {
    return err('ISSUE_OVER_LIMIT', `店长单次最多发给 ${limit} 位会员`)
  }
  if (marker) return replayOf(marker, input)
  if (!stored) return err('COUPON_NOT_FOUND')
  if (stored.retired) return err('COUPON_RETIRED')
  const context: IssueContext = {
    db,
    staff: staff.data,
    stored,
    programme,
    requestId: input.requestId,
    nowMs: caller.nowMs,
  }
  const planned = await precheck(context, input.memberIds)
  const { outcomes, newlyIssued } = await issueAll(context, planned, input.memberIds)
  const issuedCount = await writeIssueEntry(context, outcomes, newlyIssued)
  return ok<IssueCouponResult>({ templateId: input.templateId, issuedCount, outcomes, replayed: false })
})

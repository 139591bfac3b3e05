import type { ActionErrorCode } from '@shared/contracts'
import { API, type ClaimResult } from '@shared/contracts'
import { type CouponTemplate, claimEligibility } from '@shared/coupon'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import {
  type Database,
  type DocumentReference,
  database,
  TRANSACTION_ATTEMPTS_MAX,
  type Transaction,
} from '../../common/cloud'
import { type CouponDocument, newCouponDocument, walletCouponOf } from '../../common/couponDocument'
import { loadCouponTemplate } from '../../common/couponTemplates'
import type { ClaimCounterDocument } from '../../common/documents/couponClaims'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { claimIdOf } from '../../common/requestKeys'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { claimCounterIdOf } from './claimCounters'
import { releaseCoupon, reserveCoupon } from './quantity'

interface Claiming {
  readonly memberId: string
  readonly requestId: string
  readonly couponId: string
  readonly template: CouponTemplate
  readonly programme: Programme
  readonly nowMs: number
}

interface Settled {
  readonly result: Result<ClaimResult, ActionErrorCode<'coupon', 'claim'>>
  readonly consumedCoupon: boolean
}

/** The coupon this request already claimed, REQUEST_ID_REUSED when it claimed another template, else null. */
function replayOf(
  existing: CouponDocument | null,
  claiming: Claiming,
): Result<ClaimResult, ActionErrorCode<'coupon', 'claim'>> | null {
  if (!existing) return null
  if (existing.templateId !== claiming.template.id) return err('REQUEST_ID_REUSED', '该请求编号已领取过其他优惠券')
  return ok({ replayed: true, coupon: walletCouponOf(existing, claiming.nowMs) })
}

async function existingCoupon(source: { doc(id: string): DocumentReference<CouponDocument> }, couponId: string) {
  return readDocument<CouponDocument>(source.doc(couponId))
}

/**
 * The member-side transaction: the coupon keyed by the request (the idempotency marker) and the
 * member's claim counter (the per-member limit). Requests: start, 2 reads, 2 writes, commit: 6.
 */
async function claimReserved(transaction: Transaction, claiming: Claiming): Promise<Settled> {
  const { memberId, template, nowMs } = claiming
  const counterReference = transaction.collection('coupon_claims').doc(claimCounterIdOf(memberId, template.id))
  const [existing, counter] = await Promise.all([
    existingCoupon(transaction.collection('coupons'), claiming.couponId),
    readDocument<ClaimCounterDocument>(counterReference),
  ])
  const replay = replayOf(existing, claiming)
  if (replay) return { result: replay, consumedCoupon: false }
  const claimedByMember = counter?.count ?? 0
  if (claimedByMember >= template.perMemberLimit) {
    return { result: err('LIMIT_REACHED', `每人限领 ${template.perMemberLimit} 张`), consumedCoupon: false }
  }
  const coupon = newCouponDocument({
    id: claiming.couponId,
    memberId,
    template,
    programme: claiming.programme,
    source: 'claim',
    sourceId: template.id,
    requestId: claiming.requestId,
    issuedAtMs: nowMs,
  })
  const counterFields: ClaimCounterDocument = {
    memberId,
    templateId: template.id,
    count: claimedByMember + 1,
    updatedAtMs: nowMs,
  }
  await Promise.all([
    transaction.collection('coupons').add({ data: { ...coupon } }),
    counterReference.set({ data: { ...counterFields } }),
  ])
  return { result: ok({ replayed: false, coupon: walletCouponOf(coupon, nowMs) }), consumedCoupon: true }
}

async function settle(db: Database, claiming: Claiming): Promise<Settled> {
  try {
    return await db.runTransaction((transaction) => claimReserved(transaction, claiming), TRANSACTION_ATTEMPTS_MAX)
  } catch (error) {
    await releaseCoupon(db, claiming.template.id)
    throw error
  }
}

/**
 * `coupon.claim`: one coupon of a template, idempotent on the client's request id. The same shape
 * as `mall.redeem`, with the template's `issued` count as the hot spot: plain reads fail fast
 * (window, tier, sold out), one conditional update reserves a coupon against the total, one
 * transaction over the member's own documents checks the per-member limit and creates the coupon,
 * and a refused or failed transaction gives the coupon back. A crash between the reservation and
 * the give-back leaves the template one short, never over-issued.
 *
 * Requests with the programme cached: member and template (2, at once), reserve (1), transaction (6): 9.
 */
export const claim = defineAction(API.coupon.claim, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, stored] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    loadCouponTemplate(db, input.templateId),
  ])
  if (!member.ok) return member
  if (!stored) return err('COUPON_NOT_FOUND')
  const claiming: Claiming = {
    memberId: memberId.data,
    requestId: input.requestId,
    couponId: claimIdOf(memberId.data, input.requestId),
    template: stored.template,
    programme,
    nowMs: caller.nowMs,
  }
  const refuse = async (refusal: Result<never, ActionErrorCode<'coupon', 'claim'>>) =>
    replayOf(await existingCoupon(db.collection('coupons'), claiming.couponId), claiming) ?? refusal
  const precheck = claimEligibility({
    template: stored.template,
    tierId: member.data.tierId,
    // The transaction counts the member's claims; here only what a plain read can refuse cheaply.
    claimedByMember: 0,
    issuedCount: stored.issued,
    nowMs: caller.nowMs,
  })
  if (!precheck.ok) return refuse(precheck)
  if (!(await reserveCoupon(db, stored.template))) return refuse(err('SOLD_OUT'))
  const settled = await settle(db, claiming)
  if (!settled.consumedCoupon) await releaseCoupon(db, stored.template.id)
  return settled.result
})

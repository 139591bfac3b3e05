import type { ActionErrorCode } from '@shared/contracts'
import { API, type ClaimResult } from '@shared/contracts'
import { type ClaimRequest, claimCounterIdOf, claimEligibility, claimReplayOf, decideClaim } from '@shared/coupon'
import { heldTierIdOf } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { type Database, database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { loadCouponTemplate } from '../../common/couponTemplates'
import { issuedCounterOf } from '../../common/issuedCounter'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { claimIdOf } from '../../common/requestKeys'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { consumed, type Settled, unused, withReservedUnit } from '../../common/reservation'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'

type ClaimAnswer = Result<ClaimResult, ActionErrorCode<'coupon', 'claim'>>

/** The coupon this request already claimed (REQUEST_ID_REUSED for another template), read outside any transaction; null when none. */
async function storedReplay(db: Database, request: ClaimRequest, nowMs: number): Promise<ClaimAnswer | null> {
  const existing = await readDocument(db.collection('coupons').doc(request.couponId))
  const replay = claimReplayOf(existing, request.template.id)
  if (!replay?.ok) return replay
  return ok({ replayed: true, coupon: walletCouponOf(replay.data, nowMs) })
}

/**
 * The member-side unit of work: the coupon keyed by the request (the idempotency marker) and the
 * member's claim counter (the per-member limit). A concurrent twin of the same request that committed
 * first makes the coupon's add find its id taken: the unit runs again and answers the twin's coupon
 * as a replay.
 * Requests: start, 2 reads (at once), 2 writes (at once), commit: 6.
 */
function claimReserved(db: Database, request: ClaimRequest, nowMs: number): Promise<Settled<ClaimAnswer>> {
  const counterId = claimCounterIdOf(request.memberId, request.template.id)
  return runUnitOfWork(db, async (unit) => {
    const [existing, counter] = await Promise.all([
      unit.read('coupons', request.couponId),
      unit.read('coupon_claims', counterId),
    ])
    const decided = decideClaim({ existing, counter }, request, nowMs)
    if (!decided.ok) return unused(decided)
    const answer = ok({ replayed: decided.data.replayed, coupon: walletCouponOf(decided.data.coupon, nowMs) })
    if (decided.data.replayed) return unused(answer)
    unit.createCoupon(decided.data.coupon)
    unit.replace('coupon_claims', decided.data.counter)
    return consumed(answer)
  })
}

/**
 * `coupon.claim`: one coupon of a template, idempotent on the client's request id. The same shape
 * as `mall.redeem`, with the template's `issued` count as the hot spot: plain reads fail fast
 * (window, tier, the member's limit, sold out with nothing held), one conditional update reserves
 * and holds a coupon against the total (waiting for held coupons to settle before answering
 * SOLD_OUT; a retired template answers COUPON_RETIRED), one unit of work over the member's own documents checks the per-member limit again and
 * creates the coupon, and the coupon is kept, or given back by a refused or failed unit. A crash
 * between the reservation and the give-back leaves the template one short, never over-issued.
 *
 * Requests with the programme cached: member, template and counter (3, at once), reserve (1), unit of
 * work (6), keep (1, for a template with a total): 11.
 */
export const claim = defineAction(API.coupon.claim, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  // The member's counter is read here too, so a claim over the limit is refused before it takes a
  // coupon of the total that others are waiting for.
  const [programme, member, stored, counter] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    loadCouponTemplate(db, input.templateId),
    readDocument(db.collection('coupon_claims').doc(claimCounterIdOf(memberId.data, input.templateId))),
  ])
  if (!member.ok) return member
  if (!stored) return err('COUPON_NOT_FOUND')
  const request: ClaimRequest = {
    memberId: memberId.data,
    requestId: input.requestId,
    couponId: claimIdOf(memberId.data, input.requestId),
    template: stored.template,
    programme,
  }
  const refuse = async (refusal: ClaimAnswer) => (await storedReplay(db, request, caller.nowMs)) ?? refusal
  // A retired template issues nothing more; a claim it answered before retiring still replays.
  if (stored.retired) return refuse(err('COUPON_RETIRED'))
  const precheck = claimEligibility({
    template: stored.template,
    tierId: heldTierIdOf(member.data, programme.tiers, caller.nowMs),
    // The unit of work counts the member's claims again, for claims racing this one.
    claimedByMember: counter?.count ?? 0,
    // Coupons held by claims still settling may come back: not sold out yet.
    issuedCount: stored.issued - stored.held,
    nowMs: caller.nowMs,
  })
  if (!precheck.ok) return refuse(precheck)
  return withReservedUnit(issuedCounterOf(db, stored.template, caller.nowMs), {
    settle: () => claimReserved(db, request, caller.nowMs),
    soldOut: () => refuse(err('SOLD_OUT')),
  })
})

import { type Coupon, type CouponSource, newCoupon } from '@shared/coupon'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import type { Database } from './cloud'
import { loadCouponTemplate } from './couponTemplates'
import { issuedCounterOf } from './issuedCounter'
import { readDocument } from './readDocument'
import { consumed, type Settled, unused, withReservedUnit } from './reservation'
import { runUnitOfWork } from './unitOfWork'

/** Why a gift coupon was not issued. */
export type CouponGrantFailure = 'COUPON_NOT_FOUND' | 'COUPON_RETIRED' | 'SOLD_OUT'

/** The coupon a grant answers, and whether this call issued it (false: an earlier call with the key did). */
export interface CouponGrant {
  readonly coupon: Coupon
  readonly issued: boolean
}

/** One coupon to give a member: of which template, why, and the caller's key (the coupon's id). */
export interface CouponGrantRequest {
  readonly memberId: string
  readonly templateId: string
  /** Deterministic per gift (`birthday_<memberId>_<year>_<templateId>`): a second call with it issues nothing. */
  readonly key: string
  readonly source: CouponSource
  readonly programme: Programme
  readonly nowMs: number
}

type GrantAnswer = Result<CouponGrant, CouponGrantFailure>

const issuedBefore = (coupon: Coupon): GrantAnswer => ok({ coupon, issued: false })

/**
 * Gives a member one coupon of a template, keyed by the caller: the step birthday, win-back, join
 * and upgrade gifts and the admin's issue to members share. The coupon's id is the key, so a call
 * that finds it (read first, and again in the unit of work for a twin racing this call) answers
 * that coupon and issues nothing. A gift is not a claim: the member's claim limit, the claim window
 * and the tier list do not apply; the template's total does, by the same hot-counter reservation as
 * a claim, so gifts and claims together never exceed it. A missing or retired template, or one whose
 * total is reached, answers an error value.
 * Requests: coupon and template (2, at once); then reserve (1), unit of work (start, coupon, add,
 * commit: 4), keep (1, with a total). A replay: 2.
 */
export async function grantCoupon(db: Database, request: CouponGrantRequest): Promise<GrantAnswer> {
  const [existing, stored] = await Promise.all([
    readDocument(db.collection('coupons').doc(request.key)),
    loadCouponTemplate(db, request.templateId),
  ])
  if (existing) return issuedBefore(existing)
  if (!stored) return err('COUPON_NOT_FOUND')
  if (stored.retired) return err('COUPON_RETIRED')
  const coupon = newCoupon({
    id: request.key,
    memberId: request.memberId,
    template: stored.template,
    programme: request.programme,
    source: request.source,
    sourceId: stored.template.id,
    requestId: null,
    issuedAtMs: request.nowMs,
  })
  return withReservedUnit(issuedCounterOf(db, stored.template, request.nowMs), {
    settle: () => createKeyedCoupon(db, coupon),
    soldOut: async () => {
      // A twin with the same key may have taken the last coupon: that one is this gift's.
      const twin = await readDocument(db.collection('coupons').doc(request.key))
      return twin ? issuedBefore(twin) : err('SOLD_OUT')
    },
  })
}

/**
 * Creates `coupon` under its key, with a coupon of the total already reserved for it, in a unit of
 * work that reads the key again: a twin that committed first is answered instead, and the reserved
 * coupon is not used. Requests: start, coupon, add, commit: 4.
 */
export function createKeyedCoupon(db: Database, coupon: Coupon): Promise<Settled<GrantAnswer>> {
  return runUnitOfWork(db, async (unit) => {
    const twin = await unit.read('coupons', coupon._id)
    if (twin) return unused(issuedBefore(twin))
    unit.createCoupon(coupon)
    return consumed(ok({ coupon, issued: true }))
  })
}

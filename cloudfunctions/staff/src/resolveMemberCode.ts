import { API, COUNTER_COUPONS_MAX, type CounterMember } from '@shared/contracts'
import { couponStateAt, storeUsability } from '@shared/coupon'
import { usableBalance } from '@shared/ledger'
import { heldTierOf, type Member } from '@shared/member'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import type { CouponDocument } from '../../common/couponDocument'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { openCounterSession } from './counterSession'
import { scannedMember } from './scannedCodes'

/**
 * `staff.resolveMemberCode`: who is at the counter, from the member code they show: the QR code's
 * token, verified (signature, kind, time) before anything it names is read, or the barcode's numeric
 * code, looked up (see `scannedMember`: 2–3 more requests). Answers the member's name,
 * tier, usable points and the coupons usable at this counter (soonest to expire first), and the counter session that
 * previewing and recording this member's purchases takes (see `openCounterSession`). Requests with the programme
 * cached: staff (1), member and coupons (2, at once): 3.
 */
export const resolveMemberCode = defineAction(API.staff.resolveMemberCode, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const memberId = await scannedMember(db, { code: input.token, byOpenid: staff.data.openid, nowMs: caller.nowMs })
  if (!memberId.ok) return memberId
  const _ = db.command
  const [member, coupons] = await Promise.all([
    readDocument<Member>(db.collection('members').doc(memberId.data)),
    db
      .collection('coupons')
      .where({ memberId: memberId.data, usedAtMs: null, validUntilMs: _.gt(caller.nowMs) })
      .orderBy('validUntilMs', 'asc')
      .limit(COUNTER_COUPONS_MAX)
      .get(),
  ])
  if (!member) return err('MEMBER_NOT_FOUND')
  const tier = heldTierOf(member, programme.tiers, caller.nowMs)
  const result: CounterMember = {
    memberId: member._id,
    // requireStaff passed, so the caller has an OPENID.
    session: openCounterSession(member._id, staff.data.openid, caller.nowMs),
    nickname: member.profile.nickname,
    avatarUrl: member.profile.avatarUrl,
    tier: tier ? { id: tier.id, name: tier.name } : { id: member.tierId, name: member.tierId },
    balance: usableBalance(member.points, caller.nowMs),
    coupons: (coupons.data as CouponDocument[])
      // Only what this counter can verify: a coupon limited to other stores is not offered here.
      .filter(
        (coupon) =>
          couponStateAt({ coupon, nowMs: caller.nowMs }) === 'available' &&
          storeUsability({ coupon, storeId: staff.data.storeId }).ok,
      )
      .map((coupon) => ({
        id: coupon._id,
        title: coupon.title,
        benefit: coupon.benefit,
        validFromMs: coupon.validFromMs,
        validUntilMs: coupon.validUntilMs,
      })),
  }
  return ok(result)
})

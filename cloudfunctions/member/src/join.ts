import { API, type JoinResult } from '@shared/contracts'
import { decideJoin } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { joinDelta } from '@shared/stats/figures'
import { type Database, database } from '../../common/cloud'
import { issueGiftCoupons, recordGiftCouponsDue } from '../../common/giftCoupons'
import { memberIdOf } from '../../common/memberId'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { cardOf, usableCouponCountOf } from './card'

/**
 * The answer to a join that found the member already there (a second join, or a concurrent twin
 * that committed first): the existing card, no gift. Reads the member and counts their coupons at
 * once; null when no member exists after all, so the duplicate is not taken for a replay.
 */
async function existingMemberAnswer(
  db: Database,
  options: { readonly memberId: string; readonly programme: Programme; readonly nowMs: number },
): Promise<Result<JoinResult, never> | null> {
  const { memberId, programme, nowMs } = options
  const [member, couponCount] = await Promise.all([
    readDocument(db.collection('members').doc(memberId)),
    usableCouponCountOf(memberId, nowMs),
  ])
  return member ? ok({ joined: false, card: cardOf(member, programme, couponCount, nowMs), gift: null }) : null
}

/**
 * `member.join`: idempotent per OPENID. The member id derives from the OPENID, so the database's
 * unique `_id` decides: among concurrent joins exactly one unit of work creates the member and its
 * join gift together; the others fail on the taken id and answer the existing member, granting
 * nothing.
 *
 * The join gift's coupons are recorded due in the same unit of work, and only the join that created
 * the member issues them, after the commit (see `issueGiftCoupons`): keyed
 * `join_<memberId>_<templateId>`, never twice; a retired or sold-out template leaves the join done
 * and the coupon skipped in the answer's `giftCoupons`.
 *
 * Requests: start, add the member and the gift entry (at once), commit: 4 in 3 round trips. Each gift
 * coupon adds its due document to the unit (1) and `grantCoupon`'s 7 (6 without a total) and the
 * due document's removal after it (1), coupons at once. A join of an existing member adds the
 * member read and the coupon count (at once): 6 in 4 round trips.
 */
export const join = defineAction(API.member.join, async (input, caller) => {
  if (caller.openid === null) return err('FORBIDDEN', '需要微信用户身份')
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const memberId = memberIdOf(caller.openid)
  const decided = decideJoin(
    {
      memberId,
      openid: caller.openid,
      storeId: input.storeId ?? null,
      referrerMemberId: input.referrerMemberId ?? null,
    },
    { programme, nowMs: caller.nowMs },
  )
  const joined = await runUnitOfWork(
    db,
    async (unit) => {
      unit.create('members', decided.member)
      const storeId = decided.member.joinedStoreId
      for (const entry of decided.entries) unit.createLedgerEntry(entry, storeId)
      unit.tally({ storeId, atMs: caller.nowMs }, joinDelta(decided.member))
      recordGiftCouponsDue(unit, { memberId, coupons: decided.giftCoupons, source: 'join', nowMs: caller.nowMs })
      return ok({
        joined: true,
        card: cardOf(decided.member, programme, 0, caller.nowMs),
        gift: decided.gift,
      })
    },
    { onDuplicate: () => existingMemberAnswer(db, { memberId, programme, nowMs: caller.nowMs }) },
  )
  if (!joined.ok || !joined.data.joined || decided.giftCoupons.length === 0) return joined
  const giftCoupons = await issueGiftCoupons(db, {
    memberId,
    coupons: decided.giftCoupons,
    source: 'join',
    nowMs: caller.nowMs,
    programme,
  })
  const couponCount = giftCoupons.filter((outcome) => outcome.couponId !== null).length
  return ok({
    ...joined.data,
    card: cardOf(decided.member, programme, couponCount, caller.nowMs),
    giftCoupons,
  })
})

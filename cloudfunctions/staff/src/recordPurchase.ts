import { API } from '@shared/contracts'
import { err } from '@shared/result'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { type Recording, recordedOf, recordPurchaseIn, withUpgradeGiftCoupons } from '../../common/purchaseRecording'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'
import { counterSessionMember } from './counterSession'

/**
 * `staff.recordPurchase`: points and growth for a purchase at the counter, for the member the counter
 * session names (scanned by this caller within COUNTER_SESSION_TTL_MS: the member is present), recorded for the caller's
 * store, never for the caller's own member account (SELF_PURCHASE, and the attempt is audited).
 * One unit of work (`recordPurchaseIn`) over the staff member (their day counter: above the limits a plain staff
 * member gets MANAGER_APPROVAL_REQUIRED and nothing is written; managers and admins record it), the
 * purchase's audit entry (keyed by the receipt number in the store, or by member and request id: a
 * replay answers the first result and awards nothing; a concurrent twin that won the key makes this
 * one run again and answer as a replay too), the member (points, growth, tier upgrade and its gift, `firstPurchaseAtMs`) and, on
 * a referred member's first purchase, the referrer's reward (once: `firstPurchaseAtMs` is set in the
 * same transaction, and the reward's entry is keyed by the referred member). See `decidePurchase`.
 *
 * Requests with the programme cached: transaction: start, staff (1), audit entry and member (2, at
 * once), ledger entry + member + staff counter + audit (4), commit: 9. A purchase that gives no
 * points writes no entry (8); an upgrade gift adds an entry; a referral adds a read and two writes;
 * a replay is start, 3 reads, commit: 5. Upgrade gift coupons are recorded due in the unit (1 each)
 * and issued after the commit, keyed by the upgrade gift key and the template (see
 * `withUpgradeGiftCoupons`): `grantCoupon`'s 7 and the due document's removal each, at once.
 */
export const recordPurchase = defineAction(API.staff.recordPurchase, async ({ session, ...input }, caller) => {
  const openid = caller.openid
  if (openid === null) return err('NOT_STAFF')
  const db = database()
  const recording: Recording = {
    openid,
    programme: await currentProgramme(db, caller.nowMs),
    input,
    memberId: counterSessionMember(session, { clerkOpenid: openid, nowMs: caller.nowMs }),
    nowMs: caller.nowMs,
  }
  const recorded = await runUnitOfWork(db, async (unit) => recordedOf(await recordPurchaseIn(unit, recording)))
  return withUpgradeGiftCoupons(db, recorded, { programme: recording.programme, nowMs: caller.nowMs })
})

import type { ActionErrorCode } from '@shared/contracts'
import { API, type VerifyCouponResult } from '@shared/contracts'
import { couponStoreIds, redeemability, storeListText, storeUsability } from '@shared/coupon'
import { err, ok, type Result } from '@shared/result'
import { auditOperatorOf, type CouponAuditEntry } from '@shared/staff'
import { type Database, database } from '../../common/cloud'
import type { CouponDocument } from '../../common/couponDocument'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { addStatEvent } from '../../common/statEvents'
import { storeNamesOf } from '../../common/storeNames'
import { scannedSubject } from './scannedCodes'
import { usageRecordOf, usageRefusal } from './usageRecords'

/** Why a coupon cannot be verified now: COUPON_USED with who, when and where, expired or not started. */
async function refusalOf(
  db: Database,
  coupon: CouponDocument,
  options: { readonly nowMs: number; readonly timeZone: string },
): Promise<Result<never, ActionErrorCode<'staff', 'verifyCoupon'>>> {
  const usable = redeemability({ coupon, nowMs: options.nowMs })
  if (usable.ok) return err('INTERNAL')
  if (usable.code !== 'COUPON_USED' || coupon.usedBy === null || coupon.usedAtMs === null) return usable
  const record = await usageRecordOf(db, {
    auditId: `coupon_${coupon._id}`,
    byOpenid: coupon.usedBy,
    storeId: coupon.usedStoreId,
    atMs: coupon.usedAtMs,
  })
  return usageRefusal('COUPON_USED', record, { timeZone: options.timeZone, verb: '核销' })
}

/** COUPON_NOT_VALID_IN_STORE naming the stores where the coupon may be used. Requests: store names (1). */
async function wrongStoreRefusal(
  db: Database,
  coupon: CouponDocument,
): Promise<Result<never, 'COUPON_NOT_VALID_IN_STORE'>> {
  const storeIds = couponStoreIds(coupon)
  const stores = storeListText(storeIds, await storeNamesOf(db, storeIds))
  return err('COUPON_NOT_VALID_IN_STORE', stores ?? undefined)
}

/**
 * `staff.verifyCoupon` (核销): the coupon named by a signed coupon code is marked used by ONE
 * conditional update (`usedAtMs: null` and within its validity), so of any number of simultaneous
 * verifications exactly one succeeds; the others answer COUPON_USED saying who verified it, when and
 * in which store (in the message and in `details`). The audit entry is written right after the
 * update (a conditional update cannot join a transaction): a crash between the two leaves a used
 * coupon whose `usedBy`, `usedStoreId` and `usedAtMs` still say who used it.
 * A coupon limited to stores (`storeIds`, copied from its template when issued) is refused with
 * COUPON_NOT_VALID_IN_STORE, writing nothing, by staff of any other store and by admins, whose
 * verifications are recorded at no store (see `storeUsability`); being used, expired or not started
 * is reported first. The list never changes once issued, so the check needs no place in the update.
 * Requests with the programme cached: staff (1), coupon (1), update (1), audit (1): 4; refused for
 * its store: staff, coupon, store names (1): 3.
 */
export const verifyCoupon = defineAction(API.staff.verifyCoupon, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const couponId = scannedSubject(input.token, { kind: 'coupon', nowMs: caller.nowMs })
  if (!couponId.ok) return couponId
  const reference = db.collection('coupons').doc(couponId.data)
  const coupon = await readDocument(reference)
  if (!coupon) return err('COUPON_NOT_FOUND')
  const options = { nowMs: caller.nowMs, timeZone: programme.timeZone }
  if (!redeemability({ coupon, nowMs: caller.nowMs }).ok) return refusalOf(db, coupon, options)
  if (!storeUsability({ coupon, storeId: staff.data.storeId }).ok) return wrongStoreRefusal(db, coupon)
  const _ = db.command
  const { stats } = await db
    .collection('coupons')
    .where({
      _id: coupon._id,
      usedAtMs: null,
      validFromMs: _.lte(caller.nowMs),
      validUntilMs: _.gt(caller.nowMs),
    })
    .update({ data: { usedAtMs: caller.nowMs, usedBy: staff.data.openid, usedStoreId: staff.data.storeId } })
  if (stats.updated !== 1) {
    const now = await readDocument(reference)
    return now ? refusalOf(db, now, options) : err('COUPON_NOT_FOUND')
  }
  const audit: CouponAuditEntry = {
    ...auditOperatorOf(staff.data),
    _id: `coupon_${coupon._id}`,
    action: 'verifyCoupon',
    createdAtMs: caller.nowMs,
    memberId: coupon.memberId,
    subjectId: coupon._id,
    note: coupon.title,
  }
  const counted = { storeId: staff.data.storeId, atMs: caller.nowMs }
  await Promise.all([
    db.collection('audit').add({ data: { ...audit } }),
    addStatEvent(db, { id: `stat_${audit._id}`, attribution: counted, delta: { couponsVerified: 1 } }),
  ])
  const result: VerifyCouponResult = {
    couponId: coupon._id,
    memberId: coupon.memberId,
    title: coupon.title,
    benefit: coupon.benefit,
    usedAtMs: caller.nowMs,
    storeId: staff.data.storeId,
  }
  return ok(result)
})

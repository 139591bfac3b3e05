import type { ActionErrorCode } from '@shared/contracts'
import { API, type VerifyCouponResult } from '@shared/contracts'
import { couponStoreIds, redeemability, storeListText, storeUsability } from '@shared/coupon'
import { err, ok, type Result } from '@shared/result'
import { auditOperatorOf, type CouponAuditEntry } from '@shared/staff'
import { type Database, database } from '../../common/cloud'
import type { CouponDocument } from '../../common/couponDocument'
import { currentProgramme } from '../../common/programmeStore'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { storeNamesOf } from '../../common/storeNames'
import { runUnitOfWork } from '../../common/unitOfWork'
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

/** What the verification's unit of work found: the coupon used now, or why not. */
type Verification =
  | { readonly kind: 'verified' | 'unusable' | 'wrongStore'; readonly coupon: CouponDocument }
  | { readonly kind: 'missing' }

/**
 * `staff.verifyCoupon` (核销): the coupon named by a signed coupon code is marked used in one unit of
 * work that reads it, so of any number of simultaneous verifications exactly one commits (the others
 * conflict on the coupon, run again and find it used); they answer COUPON_USED saying who verified it,
 * when and in which store (in the message and in `details`). The audit entry and the dashboard's
 * count commit with the coupon's use, so neither is ever lost nor doubled.
 * A coupon limited to stores (`storeIds`, copied from its template when issued) is refused with
 * COUPON_NOT_VALID_IN_STORE, writing nothing, by staff of any other store and by admins, whose
 * verifications are recorded at no store (see `storeUsability`); being used, expired or not started
 * is reported first. Requests with the programme cached: staff (1), start, coupon (1), the coupon,
 * the audit entry and the stat event (3), commit: 7 in 5 round trips; refused: staff, start, coupon,
 * commit, and what the refusal's message names (the user and store who used it, or the store names).
 */
export const verifyCoupon = defineAction(API.staff.verifyCoupon, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const couponId = scannedSubject(input.token, { kind: 'coupon', nowMs: caller.nowMs })
  if (!couponId.ok) return couponId
  const { nowMs } = caller
  const verified = await runUnitOfWork(db, async (unit): Promise<Verification> => {
    const coupon = await unit.read('coupons', couponId.data)
    if (!coupon) return { kind: 'missing' }
    if (!redeemability({ coupon, nowMs }).ok) return { kind: 'unusable', coupon }
    if (!storeUsability({ coupon, storeId: staff.data.storeId }).ok) return { kind: 'wrongStore', coupon }
    unit.update('coupons', coupon._id, { usedAtMs: nowMs, usedBy: staff.data.openid, usedStoreId: staff.data.storeId })
    const audit: CouponAuditEntry = {
      ...auditOperatorOf(staff.data),
      _id: `coupon_${coupon._id}`,
      action: 'verifyCoupon',
      createdAtMs: nowMs,
      memberId: coupon.memberId,
      subjectId: coupon._id,
      note: coupon.title,
    }
    unit.create('audit', audit)
    unit.tally({ storeId: staff.data.storeId, atMs: nowMs }, { couponsVerified: 1 })
    return { kind: 'verified', coupon }
  })
  if (verified.kind === 'missing') return err('COUPON_NOT_FOUND')
  if (verified.kind === 'unusable') return refusalOf(db, verified.coupon, { nowMs, timeZone: programme.timeZone })
  if (verified.kind === 'wrongStore') return wrongStoreRefusal(db, verified.coupon)
  const { coupon } = verified
  const result: VerifyCouponResult = {
    couponId: coupon._id,
    memberId: coupon.memberId,
    title: coupon.title,
    benefit: coupon.benefit,
    usedAtMs: nowMs,
    storeId: staff.data.storeId,
  }
  return ok(result)
})

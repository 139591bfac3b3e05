import { COUPON_CODE_TTL_MS, issueCode } from '@shared/codes'
import { API, type CouponCode } from '@shared/contracts'
import { redeemability } from '@shared/coupon'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { codeSigner, newNonce } from '../../common/codeSigning'
import { defineAction } from '../../common/router'
import { loadOwnCoupon } from './ownCoupon'

/**
 * `coupon.couponCode`: a signed token naming the coupon, valid five minutes, for the QR code shown at
 * the counter. Only for the caller's own coupon, and only while it can be used (used, expired and
 * not-yet-valid coupons are refused with their code). One database request.
 */
export const couponCode = defineAction(API.coupon.couponCode, async (input, caller) => {
  const coupon = await loadOwnCoupon(database(), caller, input.couponId)
  if (!coupon.ok) return coupon
  const usable = redeemability({ coupon: coupon.data, nowMs: caller.nowMs })
  if (!usable.ok) return usable
  const code = issueCode({
    kind: 'coupon',
    subjectId: coupon.data._id,
    nowMs: caller.nowMs,
    ttlMs: COUPON_CODE_TTL_MS,
    nonce: newNonce(),
    sign: codeSigner(),
  })
  const result: CouponCode = { token: code.token, expiresAtMs: code.expiresAtMs }
  return ok(result)
})

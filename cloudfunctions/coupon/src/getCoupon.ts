import { API } from '@shared/contracts'
import { couponStoreIds } from '@shared/coupon'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { defineAction } from '../../common/router'
import { storeNamesOf } from '../../common/storeNames'
import { loadOwnCoupon } from './ownCoupon'

/**
 * `coupon.get`: one of the caller's coupons with its state now, for the coupon page opened from a
 * link or a message (the wallet in memory may not hold it: it lists the newest 200). Requests: the
 * coupon, and the names of its stores for one limited to stores.
 */
export const get = defineAction(API.coupon.get, async (input, caller) => {
  const db = database()
  const coupon = await loadOwnCoupon(db, caller, input.couponId)
  if (!coupon.ok) return coupon
  const storeNames = await storeNamesOf(db, couponStoreIds(coupon.data))
  return ok({ coupon: walletCouponOf(coupon.data, caller.nowMs), storeNames })
})

import { API, WALLET_SIZE_MAX, type Wallet } from '@shared/contracts'
import { sortWallet } from '@shared/coupon'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `coupon.wallet`: the caller's coupons in display order (available soonest-to-expire first, then not
 * yet valid, used, expired) with the tab counts. States are computed at `nowMs`, so a coupon shows as
 * expired the moment its window ends, with no job. One database request.
 */
export const wallet = defineAction(API.coupon.wallet, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const { data } = await database()
    .collection('coupons')
    .where({ memberId: memberId.data })
    .orderBy('issuedAtMs', 'desc')
    .limit(WALLET_SIZE_MAX)
    .get()
  const sorted = sortWallet(data, caller.nowMs)
  const counts = { available: 0, used: 0, expired: 0 }
  for (const { state } of sorted) counts[state === 'notYetValid' ? 'available' : state] += 1
  const result: Wallet = { coupons: sorted.map(({ coupon }) => walletCouponOf(coupon, caller.nowMs)), counts }
  return ok(result)
})

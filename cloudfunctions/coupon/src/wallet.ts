import { API, WALLET_SIZE_MAX, type Wallet } from '@shared/contracts'
import { couponStoreIds, sortWallet } from '@shared/coupon'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { storeNamesOf } from '../../common/storeNames'

/**
 * `coupon.wallet`: the caller's coupons in display order (available soonest-to-expire first, then not
 * yet valid, used, expired) with the tab counts, and the names of the stores any of them is limited
 * to. States are computed at `nowMs`, so a coupon shows as expired the moment its window ends, with
 * no job. Requests: the coupons (1), and the names of their stores (1) only when one of them is
 * limited to stores: 1 for a wallet of coupons valid everywhere.
 */
export const wallet = defineAction(API.coupon.wallet, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const { data } = await db
    .collection('coupons')
    .where({ memberId: memberId.data })
    .orderBy('issuedAtMs', 'desc')
    .limit(WALLET_SIZE_MAX)
    .get()
  const sorted = sortWallet(data, caller.nowMs)
  const counts = { available: 0, used: 0, expired: 0 }
  for (const { state } of sorted) counts[state === 'notYetValid' ? 'available' : state] += 1
  const storeNames = await storeNamesOf(db, data.flatMap(couponStoreIds))
  const result: Wallet = {
    coupons: sorted.map(({ coupon }) => walletCouponOf(coupon, caller.nowMs)),
    counts,
    storeNames,
  }
  return ok(result)
})

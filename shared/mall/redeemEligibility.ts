import { err, ok, type Result } from '../result'
import type { MallItem } from './item'

/** The failures of `redeemEligibility`, in precedence order. */
export type RedeemRefusalCode =
  | 'NOT_ON_SALE'
  | 'TIER_REQUIRED'
  | 'LIMIT_REACHED'
  | 'OUT_OF_STOCK'
  | 'POINTS_INSUFFICIENT'

/** Whether an item is on sale at `nowMs`: status `onSale` and inside its window (start-inclusive, end-exclusive). */
export function isOnSale(item: Pick<MallItem, 'status' | 'saleStartsAtMs' | 'saleEndsAtMs'>, nowMs: number): boolean {
  if (item.status !== 'onSale') return false
  if (item.saleStartsAtMs !== null && nowMs < item.saleStartsAtMs) return false
  return item.saleEndsAtMs === null || nowMs < item.saleEndsAtMs
}

/** Whether members of a tier may redeem an item: an empty tier list admits every tier. */
export function tierMayRedeem(item: Pick<MallItem, 'tierIds'>, tierId: string): boolean {
  return item.tierIds.length === 0 || item.tierIds.includes(tierId)
}

/**
 * Whether a member may redeem one unit now. Precedence: NOT_ON_SALE, TIER_REQUIRED, LIMIT_REACHED,
 * OUT_OF_STOCK, POINTS_INSUFFICIENT: outside the sale nothing else matters; then the facts about
 * this member that nothing they do changes (tier, limit); then the shared stock; points come last
 * because they are the one thing the member can fix by earning more, which is worth saying only
 * when it would be enough.
 */
export function redeemEligibility(options: {
  item: Pick<MallItem, 'status' | 'saleStartsAtMs' | 'saleEndsAtMs' | 'tierIds' | 'perMemberLimit' | 'pointsPrice'>
  tierId: string
  redeemedByMember: number
  stock: number
  usableBalance: number
  nowMs: number
}): Result<void, RedeemRefusalCode> {
  const { item } = options
  if (!isOnSale(item, options.nowMs)) return err('NOT_ON_SALE')
  if (!tierMayRedeem(item, options.tierId)) return err('TIER_REQUIRED')
  if (item.perMemberLimit !== null && options.redeemedByMember >= item.perMemberLimit) {
    return err('LIMIT_REACHED', `每人限兑 ${item.perMemberLimit} 件`)
  }
  if (options.stock < 1) return err('OUT_OF_STOCK')
  if (options.usableBalance < item.pointsPrice) {
    return err('POINTS_INSUFFICIENT', `可用 ${options.usableBalance} 积分，需要 ${item.pointsPrice} 积分`)
  }
  return ok(undefined)
}

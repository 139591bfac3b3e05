import type { MallItemView, PickupOrderView } from '@shared/contracts'
import { formatDateTime } from './formatTime'

/** At or below this many units the mall says how few are left. */
export const LOW_STOCK_THRESHOLD = 10

/** A tier as the programme names it. */
export interface TierName {
  readonly id: string
  readonly name: string
}

/** The stock state on an item card: `售罄`, `仅剩 N 件` when few are left, nothing otherwise. */
export function stockText(stock: number): string | null {
  if (stock <= 0) return '售罄'
  return stock <= LOW_STOCK_THRESHOLD ? `仅剩 ${stock} 件` : null
}

/** The tiers an item or coupon is for, by name (`金卡会员 / 黑金会员`); an unknown id shows as it is. */
export function tierNamesText(tierIds: readonly string[], tiers: readonly TierName[]): string {
  return tierIds.map((id) => tiers.find((tier) => tier.id === id)?.name ?? id).join(' / ')
}

/** The sale window in words, or null for an item always on sale. */
export function saleWindowText(item: Pick<MallItemView, 'saleStartsAtMs' | 'saleEndsAtMs'>): string | null {
  const { saleStartsAtMs: startsAtMs, saleEndsAtMs: endsAtMs } = item
  if (startsAtMs === null && endsAtMs === null) return null
  if (endsAtMs === null) return `${formatDateTime(startsAtMs ?? 0)} 开始兑换`
  if (startsAtMs === null) return `兑换截止 ${formatDateTime(endsAtMs)}`
  return `兑换时间 ${formatDateTime(startsAtMs)} 至 ${formatDateTime(endsAtMs)}`
}

/**
 * Why the member cannot redeem an item now, in words, from the catalogue's `reason`; null when they can.
 * `nowMs` tells a sale that has not begun from one that is over.
 */
export function reasonText(
  item: MallItemView,
  context: { readonly balance: number | null; readonly tiers: readonly TierName[]; readonly nowMs: number },
): string | null {
  switch (item.reason) {
    case null:
      return null
    case 'NOT_A_MEMBER':
      return '加入会员后即可兑换'
    case 'NOT_ON_SALE':
      if (item.saleStartsAtMs !== null && context.nowMs < item.saleStartsAtMs) {
        return `${formatDateTime(item.saleStartsAtMs)} 开始兑换`
      }
      return item.saleEndsAtMs !== null && context.nowMs >= item.saleEndsAtMs ? '兑换已结束' : '商品暂不可兑换'
    case 'TIER_REQUIRED':
      return `仅限${tierNamesText(item.tierIds, context.tiers)}兑换`
    case 'LIMIT_REACHED':
      return `每人限兑 ${item.perMemberLimit ?? item.redeemedByMember} 件，你已兑换 ${item.redeemedByMember} 件`
    case 'OUT_OF_STOCK':
      return '已兑完，暂无库存'
    case 'POINTS_INSUFFICIENT':
      return `积分不足，还差 ${Math.max(0, item.pointsPrice - (context.balance ?? 0))} 积分`
  }
}

/** A pickup order's status in words: a cancel by the expiry job reads 已过期自动取消. */
export function orderStatusText(order: Pick<PickupOrderView, 'status' | 'cancelledBy'>): string {
  switch (order.status) {
    case 'awaitingPickup':
      return '待领取'
    case 'pickedUp':
      return '已领取'
    case 'cancelled':
      return order.cancelledBy === 'expiry' ? '已过期自动取消' : '已取消'
  }
}

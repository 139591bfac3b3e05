/**
 * The `mall` cloud function: the points-mall catalogue, item detail, redemption, the member's
 * pickup orders and cancelling one. Inputs are zod schemas (the function validates with them);
 * outputs are types.
 */
import { z } from 'zod'
import type { CouponBenefit, CouponValidity } from '../coupon'
import type { ErrorCode } from '../errors'
import { MALL_ITEM_ID_PATTERN, type OrderCancelledBy, type OrderStatus, type RedeemRefusalCode } from '../mall'
import type { WalletCoupon } from './coupon'
import { requestIdSchema } from './requestId'

/** Items the catalogue shows at most. */
export const CATALOGUE_SIZE_MAX = 100
/** Orders the order list shows at most (newest first). */
export const ORDERS_PAGE_SIZE_MAX = 50

const itemId = z.string().regex(MALL_ITEM_ID_PATTERN, '商品编号格式有误')
const orderId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '订单编号格式有误')

export const catalogueInput = z.object({}).strict()
export const itemInput = z.object({ itemId }).strict()
export const redeemInput = z.object({ itemId, requestId: requestIdSchema }).strict()
export const ordersInput = z.object({}).strict()
export const cancelOrderInput = z.object({ orderId }).strict()

/** Why the caller cannot redeem an item now; NOT_A_MEMBER for a visitor who has not joined. */
export type MallRefusalCode = RedeemRefusalCode | Extract<ErrorCode, 'NOT_A_MEMBER'>

/** An item as the catalogue shows it to the caller. */
export interface MallItemView {
  readonly id: string
  readonly kind: 'pickup' | 'coupon'
  readonly title: string
  readonly description: string
  readonly image: string | null
  readonly pointsPrice: number
  readonly stock: number
  readonly perMemberLimit: number | null
  /** Redemptions the caller holds of this item (cancelled ones not counted). */
  readonly redeemedByMember: number
  readonly tierIds: readonly string[]
  readonly saleStartsAtMs: number | null
  readonly saleEndsAtMs: number | null
  readonly canRedeem: boolean
  /** The first reason the caller cannot redeem, in precedence order; null when they can. */
  readonly reason: MallRefusalCode | null
  /** The "积分够" badge: the caller's usable points cover the price (whatever else stands in the way). */
  readonly affordable: boolean
}

/** `mall.catalogue`: the items on sale (or about to be), cheapest first. */
export interface Catalogue {
  /** The caller's usable points; null for a visitor who has not joined. */
  readonly balance: number | null
  readonly items: readonly MallItemView[]
}

/** `mall.item`: one item, with what its coupon gives for a coupon item. */
export interface MallItemDetail extends MallItemView {
  readonly balance: number | null
  readonly couponTemplate: {
    readonly id: string
    readonly title: string
    readonly description: string | null
    readonly benefit: CouponBenefit
    readonly validity: CouponValidity
  } | null
}

/** A pickup order as the member sees it. */
export interface PickupOrderView {
  readonly id: string
  readonly itemId: string
  readonly title: string
  readonly image: string | null
  readonly pointsSpent: number
  /** Eight digits the staff verify at the counter. */
  readonly pickupCode: string
  readonly status: OrderStatus
  readonly createdAtMs: number
  readonly pickedUpAtMs: number | null
  readonly cancelledAtMs: number | null
  /** Who cancelled it (the expiry job shows as 已过期自动取消); null while not cancelled. */
  readonly cancelledBy: OrderCancelledBy | null
}

/** What a redemption produced: a pickup order, or a coupon in the wallet. */
export type Redemption =
  | { readonly kind: 'pickup'; readonly order: PickupOrderView }
  | { readonly kind: 'coupon'; readonly coupon: WalletCoupon }

/** `mall.redeem`. A replay of the same request id answers the first redemption, charging nothing. */
export interface RedeemResult {
  /** True when this request id had already redeemed: nothing new was charged or created. */
  readonly replayed: boolean
  readonly itemId: string
  readonly pointsSpent: number
  /** The caller's usable points after the redemption. */
  readonly balance: number
  readonly redemption: Redemption
}

/** `mall.orders`: the caller's pickup orders, newest first. */
export interface OrdersPage {
  readonly orders: readonly PickupOrderView[]
}

/** `mall.cancelOrder`. */
export interface CancelOrderResult {
  readonly order: PickupOrderView
  /** True when the order had already been cancelled: nothing was refunded a second time. */
  readonly alreadyCancelled: boolean
  /** Points given back by this call (0 when already cancelled). */
  readonly refundedPoints: number
  readonly balance: number
}

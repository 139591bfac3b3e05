import type { MallItem, PickupOrder, RedemptionCounter } from '@shared/mall'

/** `mall_items/{itemId}`: the item's fields as the shared schema defines them, keyed by `_id`. */
export type MallItemDocument = Omit<MallItem, 'id'> & {
  readonly _id: string
  /** Units reserved by redemptions still settling (see `HotCounter`); absent until the first. */
  readonly held?: number
  /** When a redemption last reserved a unit; absent until the first. `reconcileStock` recounts only a quiet item. */
  readonly reservedAtMs?: number
  /** The request ids of the admin's stock adjustments applied so far (see `admin.adjustStock`); absent until the first. */
  readonly stockRequestIds?: readonly string[]
}

/** `orders/{redemptionId}`: a pickup order, as `shared/mall` defines it (see `PickupOrder`). */
export type OrderDocument = PickupOrder

/** `redemptions/{memberId}_{itemId}`: a member's counter for an item with a limit (see `RedemptionCounter`). */
export type RedemptionCounterDocument = RedemptionCounter

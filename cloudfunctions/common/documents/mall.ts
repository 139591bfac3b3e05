import type { LotChange } from '@shared/ledger'
import type { MallItem, OrderStatus } from '@shared/mall'

/** `mall_items/{itemId}`: the item's fields as the shared schema defines them, keyed by `_id`. */
export type MallItemDocument = Omit<MallItem, 'id'> & { readonly _id: string }

/**
 * `orders/{redemptionId}`: a pickup order. It keeps the spend's lot changes, so a cancel gives each
 * point back to the lot (and expiry) it came from without reading the ledger.
 */
export interface OrderDocument {
  readonly _id: string
  readonly memberId: string
  readonly itemId: string
  readonly title: string
  readonly image: string | null
  readonly pointsSpent: number
  readonly lotChanges: readonly LotChange[]
  /** Eight digits, unique across all orders (a unique index): what staff verify at the counter. */
  readonly pickupCode: string
  readonly status: OrderStatus
  readonly requestId: string
  readonly createdAtMs: number
  readonly pickedUpAtMs: number | null
  readonly pickedUpBy: string | null
  readonly pickedUpStoreId: string | null
  readonly cancelledAtMs: number | null
}

/**
 * `redemptions/{memberId}_{itemId}`: how many units of an item a member holds, for the per-member
 * limit. It lives beside the member's other documents in the redemption transaction, so two
 * redemptions by one member are serialised and the limit holds under any concurrency.
 */
export interface RedemptionCounterDocument {
  readonly memberId: string
  readonly itemId: string
  readonly count: number
  readonly updatedAtMs: number
}

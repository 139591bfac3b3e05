import type { PickupOrderView } from '@shared/contracts'
import type { LotChange } from '@shared/ledger'
import { type MallItem, type OrderStatus, parseMallItem } from '@shared/mall'
import type { Database } from '../../common/cloud'
import { readDocument } from '../../common/readDocument'

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

/** The id of a member's counter for an item. */
export function redemptionCounterIdOf(memberId: string, itemId: string): string {
  return `${memberId}_${itemId}`
}

/** A stored item, validated; null (and logged, for the admin) when it no longer validates. */
export function itemFromDocument(document: MallItemDocument): MallItem | null {
  const { _id, ...fields } = document
  const parsed = parseMallItem({ ...fields, id: _id })
  if (!parsed.ok) {
    console.error(`mall_items/${_id} is invalid: ${parsed.message}`)
    return null
  }
  return parsed.data
}

/** One item by id, validated; null when missing or invalid. */
export async function loadItem(db: Database, itemId: string): Promise<MallItem | null> {
  const document = await readDocument<MallItemDocument>(db.collection('mall_items').doc(itemId))
  return document ? itemFromDocument(document) : null
}

/** A pickup order as the member sees it. */
export function orderViewOf(order: OrderDocument): PickupOrderView {
  return {
    id: order._id,
    itemId: order.itemId,
    title: order.title,
    image: order.image,
    pointsSpent: order.pointsSpent,
    pickupCode: order.pickupCode,
    status: order.status,
    createdAtMs: order.createdAtMs,
    pickedUpAtMs: order.pickedUpAtMs,
    cancelledAtMs: order.cancelledAtMs,
  }
}

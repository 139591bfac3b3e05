import type { PickupOrderView } from '@shared/contracts'
import { type MallItem, parseMallItem } from '@shared/mall'
import type { Database } from '../../common/cloud'
import type { MallItemDocument, OrderDocument } from '../../common/documents/mall'
import { readDocument } from '../../common/readDocument'

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

/**
 * One item by id, validated, with the units redemptions still settling hold (they may come back, so
 * stock 0 with units held is not sold out yet); null when missing or invalid.
 */
export async function loadItemStock(db: Database, itemId: string): Promise<{ item: MallItem; held: number } | null> {
  const document = await readDocument<MallItemDocument>(db.collection('mall_items').doc(itemId))
  const item = document ? itemFromDocument(document) : null
  return item && { item, held: document?.held ?? 0 }
}

/** One item by id, validated; null when missing or invalid. */
export async function loadItem(db: Database, itemId: string): Promise<MallItem | null> {
  return (await loadItemStock(db, itemId))?.item ?? null
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
    cancelledBy: order.status === 'cancelled' ? (order.cancelledBy ?? 'member') : null,
  }
}

import type { Database } from '../../common/cloud'

/**
 * Reserves one unit of an item with one conditional update: `stock >= 1` and on sale, then
 * `stock - 1`. Each update is atomic in the database, so however many members press 兑换 at once,
 * exactly `stock` of them get a unit and stock never goes below zero, with no transaction on the
 * item document (a transaction per redemption would conflict on the item and fail requests while
 * stock remains). Answers whether a unit was reserved.
 */
export async function reserveUnit(db: Database, itemId: string): Promise<boolean> {
  const _ = db.command
  const { stats } = await db
    .collection('mall_items')
    .where({ _id: itemId, stock: _.gte(1), status: 'onSale' })
    .update({ data: { stock: _.inc(-1), sold: _.inc(1) } })
  return stats.updated === 1
}

/**
 * Gives a unit back: a refused or failed redemption, or a cancelled order. A failure here is logged,
 * not thrown: the member's answer is already decided, and the unit stays reserved with no order
 * (undersold, never oversold), which the stock reconciliation job corrects.
 */
export async function releaseUnit(db: Database, itemId: string): Promise<void> {
  const _ = db.command
  try {
    await db
      .collection('mall_items')
      .doc(itemId)
      .update({ data: { stock: _.inc(1), sold: _.inc(-1) } })
  } catch (error) {
    console.error(`could not give a unit of ${itemId} back; reconcile its stock`, error)
  }
}

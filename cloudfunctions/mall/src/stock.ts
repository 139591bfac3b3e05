import type { Database } from '../../common/cloud'
import { type HotCounter, settleCounter } from '../../common/reservation'

/**
 * An item's stock as a hot counter, with one conditional update per move. A reservation takes a unit
 * (`stock >= 1` and on sale, then `stock - 1`) and holds it (`held + 1`) until the redemption
 * settles. Each update is atomic in the database, so however many members press 兑换 at once,
 * exactly `stock` of them get a unit and stock never goes below zero, with no transaction on the
 * item document (a transaction per redemption would conflict on the item and fail requests while
 * stock remains). The reservation stamps the item with its instant, so `reconcileStock` can tell an
 * item with redemptions possibly in flight from one whose held units are stranded.
 */
export function stockCounterOf(db: Database, itemId: string, nowMs: number): HotCounter {
  const _ = db.command
  const item = () => db.collection('mall_items').doc(itemId)
  return {
    async reserve() {
      const { stats } = await db
        .collection('mall_items')
        .where({ _id: itemId, stock: _.gte(1), status: 'onSale' })
        .update({ data: { stock: _.inc(-1), sold: _.inc(1), held: _.inc(1), reservedAtMs: nowMs } })
      return stats.updated === 1
    },
    async state() {
      const { data } = await item().get()
      return { free: data !== null && data.stock >= 1 && data.status === 'onSale', held: data?.held ?? 0 }
    },
    keep: () => settleCounter(`keep a unit of ${itemId}`, () => item().update({ data: { held: _.inc(-1) } })),
    release: () =>
      settleCounter(`give a unit of ${itemId} back`, () =>
        item().update({ data: { stock: _.inc(1), sold: _.inc(-1), held: _.inc(-1) } }),
      ),
  }
}

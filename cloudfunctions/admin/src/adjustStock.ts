import { type AdjustStockResult, API } from '@shared/contracts'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import { requireAdmin } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { readAdminEntry, readItem, writeAdminEntry } from './items'

/**
 * `admin.adjustStock`: a top-up (delta > 0) or a correction (delta < 0) as ONE conditional increment
 * of the item, with no transaction on its (hot) document, so it never races with live redemptions:
 *
 *   where({ _id, stock: ≥ -delta, stockRequestIds: ≠ requestId })
 *     .update({ stock: +delta, stockRequestIds: push(requestId) })
 *
 * Exactly once per `requestId`: the increment and the record that it happened are the same atomic
 * update of the same document, so there is no moment at which one exists without the other. A retry
 * (or a twin running at once) matches no document once the id is in `stockRequestIds`; it then reads
 * the item: the id there means applied (answer it again), else the stock is too low: STOCK_BELOW_ZERO,
 * nothing changed. The audit entry `admin_<requestId>` is written after, once (a duplicate is the
 * earlier attempt's); a retry that finds it answers from it without touching the item. Redemptions
 * never touch `stockRequestIds`; it grows by one id per adjustment (admins adjust rarely).
 *
 * The audit entry records `stock` before/after as the increment saw it: after as read right after
 * the increment, before as after − delta (redemptions may move stock in between; the delta is exact).
 * Admins only. Requests: staff and marker at once (2), the increment (1), the item (1), the audit
 * entry (1): 5; a replay 2; a refusal 4.
 */
export const adjustStock = defineAction(API.admin.adjustStock, async (input, caller) => {
  const db = database()
  const [admin, marker] = await Promise.all([requireAdmin(db, caller), readAdminEntry(db, input.requestId)])
  if (!admin.ok) return admin
  const replayed = marker?.changes.stock?.after
  if (marker && typeof replayed === 'number') {
    return ok<AdjustStockResult>({ itemId: input.itemId, delta: input.delta, stockAfter: replayed })
  }
  const _ = db.command
  const { stats } = await db
    .collection('mall_items')
    .where({ _id: input.itemId, stock: _.gte(-input.delta), stockRequestIds: _.neq(input.requestId) })
    .update({ data: { stock: _.inc(input.delta), stockRequestIds: _.push([input.requestId]) } })
  const item = await readItem(db, input.itemId)
  if (item === null) return err('ITEM_NOT_FOUND')
  if (stats.updated === 0 && !(item.stockRequestIds ?? []).includes(input.requestId)) return err('STOCK_BELOW_ZERO')
  await writeAdminEntry(db, admin.data, caller, {
    action: 'adjustStock',
    requestId: input.requestId,
    itemId: input.itemId,
    changes: { stock: { before: item.stock - input.delta, after: item.stock } },
    note: `${input.delta > 0 ? '+' : ''}${input.delta}`,
  })
  return ok<AdjustStockResult>({ itemId: input.itemId, delta: input.delta, stockAfter: item.stock })
})

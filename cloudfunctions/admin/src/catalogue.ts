import { fieldChanges, hasChanges } from '@shared/admin'
import { ADMIN_ITEMS_MAX, type AdminItemResult, type AdminItemView, API } from '@shared/contracts'
import { MALL_ITEM_EDITABLE_FIELDS, type MallItemEdit, type MallItemEditableField } from '@shared/mall'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import type { MallItemDocument } from '../../common/documents/mall'
import { requireAdmin, requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { adminItemViewOf, readAdminEntry, readItem, writeAdminEntry } from './items'
import { checkedPictureChange, markReplaced, recordPicture } from './uploads'

function byId(a: AdminItemView, b: AdminItemView): number {
  return a.id.localeCompare(b.id)
}

/**
 * `admin.listItems`: every mall item, retired (`offSale`) ones too, by id, with the units redemptions
 * still hold: the catalogue screen. Admins and managers (read only). Requests: staff (1), items (1).
 */
export const listItems = defineAction(API.admin.listItems, async (_input, caller) => {
  const db = database()
  const [staff, items] = await Promise.all([
    requireManager(db, caller),
    db.collection('mall_items').where({}).limit(ADMIN_ITEMS_MAX).get(),
  ])
  if (!staff.ok) return staff
  const views = items.data.map(adminItemViewOf).filter((view): view is AdminItemView => view !== null)
  return ok({ items: views.sort(byId) })
})

type EditableFields = Omit<MallItemEdit, 'id'>

/** The new item's document: on sale, with its first stock; nothing sold or held yet. */
function newItemDocument(edit: MallItemEdit, initialStock: number): MallItemDocument {
  const { id, ...fields } = edit
  return { _id: id, ...fields, stock: initialStock, sold: 0, held: 0, status: 'onSale' }
}

/**
 * `admin.saveItem`: creates the item (a new id: on sale, with `initialStock`) or edits its editable
 * fields (`MALL_ITEM_EDITABLE_FIELDS`). An edit updates only the fields whose value changed, never
 * the whole document: `stock`, `sold` and `held` move by live redemptions' conditional increments
 * at the same moment, and a replace would write back what this invocation read.
 *
 * Idempotent per `requestId` without a transaction: the audit entry `admin_<requestId>` is the
 * marker, written after the item; a retry that finds it answers the item as it is now with the
 * recorded changes. A retry after a crash between the two writes finds the fields already equal
 * (setting a field twice is the same as once) and records the (now empty) changes; a create's
 * retry meets the item it created and edits it to the same values. Admins only.
 *
 * A new `cloud://` picture must be a pending upload (`admin.prepareUpload`) that is stored
 * (`checkedPictureChange`); the upload is recorded on the item before the item is written, so a
 * retry after a crash finds it recorded for this item and goes on. The picture it replaces is marked
 * for the cleanup job beside the item's write (see `markReplaced`).
 *
 * Requests: staff, marker and item at once (3), one write (create or update; none for an edit that
 * changes nothing), the audit entry (1): 5; a replay 3. A new uploaded picture adds the upload and
 * the file at once (2) and its record (1): 8; replacing an uploaded one adds its mark (1, beside the
 * item's write): 9.
 */
export const saveItem = defineAction(API.admin.saveItem, async (input, caller) => {
  const db = database()
  const [admin, marker, stored] = await Promise.all([
    requireAdmin(db, caller),
    readAdminEntry(db, input.requestId),
    readItem(db, input.item.id),
  ])
  if (!admin.ok) return admin
  if (marker && stored) {
    const view = adminItemViewOf(stored)
    if (view) return ok({ item: view, changes: marker.changes, created: marker.note === 'created' })
  }
  const picture = await checkedPictureChange(db, input.item, stored)
  if (!picture.ok) return picture
  const recorded = await recordPicture(db, picture.data, input.item.id, caller.nowMs)
  if (!recorded.ok) return recorded
  let before = stored
  if (before === null) {
    const created = newItemDocument(input.item, input.initialStock)
    try {
      await db.collection('mall_items').add({ data: { ...created } })
      const { _id, held: _held, ...fields } = created
      const changes = fieldChanges<Record<string, unknown>>(null, fields)
      await writeAdminEntry(db, admin.data, caller, {
        action: 'saveItem',
        requestId: input.requestId,
        itemId: _id,
        changes,
        note: 'created',
      })
      const view = adminItemViewOf(created)
      if (!view) throw new Error(`mall_items/${_id} was created invalid`)
      return ok<AdminItemResult>({ item: view, changes, created: true })
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error
      // Created at the same moment by another request (or this one's earlier attempt): edit it.
      before = await readItem(db, input.item.id)
      if (before === null) throw new Error(`mall_items/${input.item.id} is neither new nor stored`)
    }
  }
  const { id: _id, ...fields } = input.item
  const changes = fieldChanges<EditableFields>(before, fields, MALL_ITEM_EDITABLE_FIELDS)
  if (hasChanges(changes)) {
    const data = Object.fromEntries(
      Object.keys(changes).map((field) => [field, fields[field as MallItemEditableField]]),
    )
    await Promise.all([
      db.collection('mall_items').doc(input.item.id).update({ data }),
      markReplaced(db, picture.data, input.item.id, caller.nowMs),
    ])
  }
  await writeAdminEntry(db, admin.data, caller, {
    action: 'saveItem',
    requestId: input.requestId,
    itemId: input.item.id,
    changes,
    note: null,
  })
  const view = adminItemViewOf({ ...before, ...fields })
  if (!view) throw new Error(`mall_items/${input.item.id} is invalid after the edit`)
  return ok<AdminItemResult>({ item: view, changes, created: false })
})

/** Sets an item's status: retire (`offSale`, out of the catalogue) or restore (`onSale`). */
function statusAction(contract: typeof API.admin.retireItem, status: 'onSale' | 'offSale') {
  const action = status === 'offSale' ? 'retireItem' : 'restoreItem'
  return defineAction(contract, async (input, caller) => {
    const db = database()
    const [admin, marker, stored] = await Promise.all([
      requireAdmin(db, caller),
      readAdminEntry(db, input.requestId),
      readItem(db, input.itemId),
    ])
    if (!admin.ok) return admin
    const view = stored && adminItemViewOf(stored)
    if (!stored || !view) return err('ITEM_NOT_FOUND')
    if (marker) return ok<AdminItemResult>({ item: view, changes: marker.changes, created: false })
    const changes = fieldChanges(stored, { status })
    if (hasChanges(changes)) await db.collection('mall_items').doc(input.itemId).update({ data: { status } })
    await writeAdminEntry(db, admin.data, caller, {
      action,
      requestId: input.requestId,
      itemId: input.itemId,
      changes,
      note: null,
    })
    return ok<AdminItemResult>({ item: { ...view, status }, changes, created: false })
  })
}

/**
 * `admin.retireItem`: takes the item off sale (out of the catalogue; redemptions refused with
 * NOT_ON_SALE; orders already placed stand). Idempotent per `requestId` (the audit entry is the
 * marker, as `saveItem`). Admins only. Requests: staff, marker and item at once (3), the status (1),
 * the audit entry (1): 5; 4 when already retired; a replay 3.
 */
export const retireItem = statusAction(API.admin.retireItem, 'offSale')

/** `admin.restoreItem`: puts a retired item back on sale (undoes a mistake). As `retireItem`: 5 requests. */
export const restoreItem = statusAction(API.admin.restoreItem, 'onSale')

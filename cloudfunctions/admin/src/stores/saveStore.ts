import { fieldChanges, hasChanges } from '@shared/admin'
import { API, type SaveStoreResult, STORE_EDITABLE_FIELDS, type StoreEdit } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import type { Caller } from '../../../common/caller'
import { type Database, database } from '../../../common/cloud'
import { isDuplicateKeyError } from '../../../common/databaseErrors'
import type { StaffDocument, StoreDocument } from '../../../common/documents/staff'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { readAdminEntry, writeAdminEntry } from '../items'
import { mayActOnStore, readStore, storeFieldsOf, storeViewOf } from './storeAccess'

type StoreFields = Omit<StoreEdit, 'id'>

function mayCreateStore(staff: StaffDocument): Result<StaffDocument, 'FORBIDDEN'> {
  return staff.role === 'admin' ? ok(staff) : err('FORBIDDEN', '仅品牌管理员可以新建门店')
}

/** Creates the store; answers null when it already exists (created by a twin request or an earlier attempt). */
async function createStore(db: Database, edit: StoreEdit, nowMs: number): Promise<StoreDocument | null> {
  const { id, ...fields } = edit
  const document: StoreDocument = { _id: id, ...fields, createdAtMs: nowMs }
  try {
    await db.collection('stores').add({ data: { ...document } })
    return document
  } catch (error) {
    if (isDuplicateKeyError(error)) return null
    throw error
  }
}

/** Updates only the fields that changed and answers them (before/after). */
async function editStore(db: Database, stored: StoreDocument, fields: StoreFields) {
  const changes = fieldChanges<StoreFields>(storeFieldsOf(stored), fields, STORE_EDITABLE_FIELDS)
  if (hasChanges(changes)) {
    const data = Object.fromEntries(Object.keys(changes).map((field) => [field, fields[field as keyof StoreFields]]))
    await db.collection('stores').doc(stored._id).update({ data })
  }
  return changes
}

async function audit(db: Database, staff: StaffDocument, caller: Caller, result: SaveStoreResult, requestId: string) {
  // Filed under the store it changed, so that store's manager reads it in their audit log.
  await writeAdminEntry(db, { ...staff, storeId: result.store.id }, caller, {
    action: 'saveStore',
    requestId,
    itemId: result.store.id,
    changes: result.changes,
    note: result.created ? 'created' : null,
  })
}

/**
 * `admin.saveStore`: creates a store (admins; a new id) or edits its details (admins any store, a manager their
 * own), changing only the fields whose value changed. Idempotent per `requestId` as `admin.saveItem`: the audit
 * entry `admin_<requestId>` is the marker, written last; a replay answers the store as it is now with the recorded
 * changes. Requests: staff, marker and store at once (3), one write (none when nothing changed), the audit
 * entry (1): 5; a replay 3.
 */
export const saveStore = defineAction(API.admin.saveStore, async (input, caller) => {
  const db = database()
  const [staff, marker, stored] = await Promise.all([
    requireManager(db, caller),
    readAdminEntry(db, input.requestId),
    readStore(db, input.store.id),
  ])
  if (!staff.ok) return staff
  const allowed = stored ? mayActOnStore(staff.data, stored._id) : mayCreateStore(staff.data)
  if (!allowed.ok) return allowed
  if (marker && stored) {
    return ok<SaveStoreResult>({
      store: storeViewOf(stored),
      changes: marker.changes,
      created: marker.note === 'created',
    })
  }
  const { id: _id, ...fields } = input.store
  const created = stored ? null : await createStore(db, input.store, caller.nowMs)
  let result: SaveStoreResult
  if (created) {
    result = { store: storeViewOf(created), changes: fieldChanges<StoreFields>(null, fields), created: true }
  } else {
    const current = stored ?? (await readStore(db, input.store.id))
    if (!current) throw new Error(`stores/${input.store.id} is neither new nor stored`)
    const changes = await editStore(db, current, fields)
    result = { store: storeViewOf({ ...current, ...fields }), changes, created: false }
  }
  await audit(db, staff.data, caller, result, input.requestId)
  return ok(result)
})

import type { StoreEdit, StoreView } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import type { Database } from '../../../common/cloud'
import type { StaffDocument, StoreDocument } from '../../../common/documents/staff'
import { readDocument } from '../../../common/readDocument'

/** A store document as the console shows it; details a store seeded before the console lacks read as empty. */
export function storeViewOf(document: StoreDocument): StoreView {
  return {
    id: document._id,
    name: document.name,
    address: document.address ?? '',
    phone: document.phone ?? '',
    hours: document.hours ?? '',
  }
}

/** The editable fields of a store document, for before/after. */
export function storeFieldsOf(document: StoreDocument): Omit<StoreEdit, 'id'> {
  const { id: _id, ...fields } = storeViewOf(document)
  return fields
}

/** One store by id; null when missing. */
export function readStore(db: Database, storeId: string): Promise<StoreDocument | null> {
  return readDocument(db.collection('stores').doc(storeId))
}

/**
 * Whether `staff` (a manager or an admin) may act on the store `storeId`: admins on any, managers on their own
 * store only (creating one is the admin's).
 */
export function mayActOnStore(staff: StaffDocument, storeId: string): Result<StaffDocument, 'FORBIDDEN'> {
  if (staff.role === 'admin' || staff.storeId === storeId) return ok(staff)
  return err('FORBIDDEN', '店长只能管理本店')
}

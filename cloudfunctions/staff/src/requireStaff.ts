import { err, ok, type Result } from '@shared/result'
import type { Caller } from '../../common/caller'
import type { Database } from '../../common/cloud'
import type { StaffDocument, StoreDocument } from '../../common/documents/staff'
import { readDocument } from '../../common/readDocument'

const STAFF_ROLES: ReadonlySet<string> = new Set(['staff', 'manager', 'admin'])

/**
 * The caller's staff binding, read from `staff/<OPENID>`: the only source of a role (never the
 * payload). NOT_STAFF for a call without a user, an unbound user, or a document that names no known
 * role (refused rather than trusted). One request.
 */
export async function requireStaff(db: Database, caller: Caller): Promise<Result<StaffDocument, 'NOT_STAFF'>> {
  if (caller.openid === null) return err('NOT_STAFF')
  const staff = await readDocument<StaffDocument>(db.collection('staff').doc(caller.openid))
  if (!staff || staff.openid !== caller.openid || !STAFF_ROLES.has(staff.role)) return err('NOT_STAFF')
  if (staff.role !== 'admin' && typeof staff.storeId !== 'string') {
    console.error(`staff/${caller.openid} is a ${staff.role} without a store`)
    return err('NOT_STAFF')
  }
  return ok(staff)
}

/** A store by id; null when there is none. */
export function loadStore(db: Database, storeId: string | null): Promise<StoreDocument | null> {
  return storeId === null ? Promise.resolve(null) : readDocument<StoreDocument>(db.collection('stores').doc(storeId))
}

import { err, ok, type Result } from '@shared/result'
import type { Caller } from './caller'
import type { Database } from './cloud'
import type { StaffDocument, StoreDocument } from './documents/staff'
import { readDocument } from './readDocument'

const STAFF_ROLES: ReadonlySet<string> = new Set(['staff', 'manager', 'admin'])

/**
 * Whether `staff`, as read from `staff/<openid>`, binds that user: NOT_STAFF for no document, one
 * that names another user or no known role (refused rather than trusted), or a non-admin without a
 * store. For a read inside a transaction as much as for `requireStaff`.
 */
export function staffBindingOf(staff: StaffDocument | null, openid: string): Result<StaffDocument, 'NOT_STAFF'> {
  if (!staff || staff.openid !== openid || !STAFF_ROLES.has(staff.role)) return err('NOT_STAFF')
  if (staff.role !== 'admin' && typeof staff.storeId !== 'string') {
    console.error(`staff/${openid} is a ${staff.role} without a store`)
    return err('NOT_STAFF')
  }
  return ok(staff)
}

/**
 * The caller's staff binding, read from `staff/<OPENID>`: the only source of a role (never the
 * payload). NOT_STAFF for a call without a user, or see `staffBindingOf`. One request.
 */
export async function requireStaff(db: Database, caller: Caller): Promise<Result<StaffDocument, 'NOT_STAFF'>> {
  if (caller.openid === null) return err('NOT_STAFF')
  return staffBindingOf(await readDocument(db.collection('staff').doc(caller.openid)), caller.openid)
}

/** The caller's binding when it is an admin's: NOT_STAFF as `requireStaff`, FORBIDDEN for other roles. One request. */
export async function requireAdmin(
  db: Database,
  caller: Caller,
): Promise<Result<StaffDocument, 'NOT_STAFF' | 'FORBIDDEN'>> {
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  return staff.data.role === 'admin' ? staff : err('FORBIDDEN', '仅限品牌管理员')
}

/** A store by id; null when there is none. */
export function loadStore(db: Database, storeId: string | null): Promise<StoreDocument | null> {
  return storeId === null ? Promise.resolve(null) : readDocument(db.collection('stores').doc(storeId))
}

/** The caller's binding when it is a manager's or an admin's: NOT_STAFF as `requireStaff`, FORBIDDEN for a clerk. One request. */
export async function requireManager(
  db: Database,
  caller: Caller,
): Promise<Result<StaffDocument, 'NOT_STAFF' | 'FORBIDDEN'>> {
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  return staff.data.role === 'staff' ? err('FORBIDDEN', '仅限店长和品牌管理员') : staff
}

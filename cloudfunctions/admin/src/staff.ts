import { fieldChanges, hasChanges } from '@shared/admin'
import {
  API,
  type ChangeStaffRoleResult,
  type changeStaffRoleInput,
  STAFF_LIST_SIZE_MAX,
  type StaffList,
  type StaffView,
} from '@shared/contracts'
import { err, ok } from '@shared/result'
import { type AdminStaffAuditEntry, auditOperatorOf, roleChangeAuthority, staffListScopeOf } from '@shared/staff'
import type { z } from 'zod'
import { database } from '../../common/cloud'
import type { AuditDocument, StaffDocument } from '../../common/documents/staff'
import { loadStore, requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { storeNamesOf } from '../../common/storeNames'
import { runUnitOfWork } from '../../common/unitOfWork'
import { adminAuditIdOf } from './items'

const ROLE_ORDER = { admin: 0, manager: 1, staff: 2 } as const

function staffViewOf(staff: StaffDocument, storeNames: Readonly<Record<string, string>>): StaffView {
  return {
    openid: staff.openid,
    name: staff.name,
    role: staff.role,
    storeId: staff.storeId,
    storeName: staff.storeId === null ? null : (storeNames[staff.storeId] ?? null),
    boundAtMs: staff.boundAtMs,
  }
}

function byStoreRoleName(a: StaffView, b: StaffView): number {
  return (
    (a.storeId ?? '').localeCompare(b.storeId ?? '') ||
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    a.name.localeCompare(b.name, 'zh')
  )
}

/**
 * `admin.listStaff`: a store's bound staff (a manager: their own store; an admin: any, or every
 * store's with the store left out), with store names. Requests: caller (1), the staff by the
 * `role_storeId` index (1), their stores' names (1): 3.
 */
export const listStaff = defineAction(API.admin.listStaff, async (input, caller) => {
  const db = database()
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  const scope = staffListScopeOf(staff.data, input.storeId)
  if (!scope.ok) return scope
  const _ = db.command
  const roles = _.in(['admin', 'manager', 'staff'])
  const { data } = await db
    .collection('staff')
    .where(scope.data.storeId === null ? { role: roles } : { role: roles, storeId: scope.data.storeId })
    .limit(STAFF_LIST_SIZE_MAX)
    .get()
  const bindings = data as StaffDocument[]
  const storeNames = await storeNamesOf(
    db,
    bindings.flatMap((binding) => (binding.storeId === null ? [] : [binding.storeId])),
  )
  const result: StaffList = {
    storeId: scope.data.storeId,
    staff: bindings.map((binding) => staffViewOf(binding, storeNames)).sort(byStoreRoleName),
  }
  return ok(result)
})

/** Whether the request's audit entry is this change's: the same person, each changed field changed to what is asked. */
function isReplayOf(
  marker: AuditDocument,
  input: z.output<typeof changeStaffRoleInput>,
): marker is AdminStaffAuditEntry {
  if (marker.action !== 'changeStaffRole' || marker.subjectId !== input.openid) return false
  const asked: Readonly<Record<string, unknown>> = { role: input.role, storeId: input.storeId }
  return Object.entries(marker.changes).every(([field, change]) => asked[field] === change.after)
}

/**
 * `admin.changeStaffRole`: an admin makes a clerk a manager (or back) or moves them to another
 * store. The binding and its audit entry `admin_<requestId>` (the idempotency marker, with role
 * and store before and after) change in one unit of work; a change to what already is writes
 * nothing. Requests: caller and store (2, at once), then start, target and marker (at once),
 * binding and audit entry, commit: 8.
 */
export const changeStaffRole = defineAction(API.admin.changeStaffRole, async (input, caller) => {
  const db = database()
  const [admin, store] = await Promise.all([requireStaff(db, caller), loadStore(db, input.storeId)])
  if (!admin.ok) return admin
  const targeting = { callerOpenid: admin.data.openid, targetOpenid: input.openid, target: null }
  const allowed = roleChangeAuthority(admin.data, targeting)
  if (!allowed.ok) return allowed
  if (!store) return err('STORE_NOT_FOUND')
  const auditId = adminAuditIdOf(input.requestId)
  return runUnitOfWork(db, async (unit) => {
    const [target, marker] = await Promise.all([unit.read('staff', input.openid), unit.read('audit', auditId)])
    const storeNames = { [store._id]: store.name }
    if (marker) {
      if (!isReplayOf(marker, input) || !target) return err('REQUEST_ID_REUSED')
      return ok<ChangeStaffRoleResult>({
        staff: staffViewOf(target, storeNames),
        changes: marker.changes,
        replayed: true,
      })
    }
    if (!target) return err('STAFF_NOT_FOUND')
    const onTarget = roleChangeAuthority(admin.data, { ...targeting, target })
    if (!onTarget.ok) return onTarget
    const after: StaffDocument = { ...target, role: input.role, storeId: input.storeId }
    const changes = fieldChanges(target, after, ['role', 'storeId'])
    if (hasChanges(changes)) {
      const audit: AdminStaffAuditEntry = {
        _id: auditId,
        ...auditOperatorOf(admin.data),
        action: 'changeStaffRole',
        requestId: input.requestId,
        // The store that gains (or keeps) them: its manager sees the change in their log.
        storeId: input.storeId,
        subjectId: target.openid,
        changes,
        note: target.name,
        createdAtMs: caller.nowMs,
      }
      unit.update('staff', target._id, { role: input.role, storeId: input.storeId })
      unit.create('audit', audit)
    }
    return ok<ChangeStaffRoleResult>({ staff: staffViewOf(after, storeNames), changes, replayed: false })
  })
})

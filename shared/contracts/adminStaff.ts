/**
 * The `admin` function's staff management: who works where, role changes and (in `staff.unbind`)
 * unbinding. Admins manage every store; managers list their own store's staff.
 */
import { z } from 'zod'
import type { FieldChanges } from '../admin'
import { requestIdSchema } from './requestId'
import { type StaffRole, staffOpenidSchema, storeIdSchema } from './staff'

/** Bindings one list answers at most (a brand's whole staff fits). */
export const STAFF_LIST_SIZE_MAX = 1000

/** `listStaff`: one store's staff; an admin may leave the store out for every store's. */
export const listStaffInput = z.object({ storeId: storeIdSchema.optional() }).strict()

/** `changeStaffRole`: a clerk made manager or back, or moved to another store. Admins. */
export const changeStaffRoleInput = z
  .object({
    requestId: requestIdSchema,
    openid: staffOpenidSchema,
    role: z.enum(['staff', 'manager']),
    storeId: storeIdSchema,
  })
  .strict()

/** A bound staff member as the staff screen lists them. */
export interface StaffView {
  readonly openid: string
  readonly name: string
  readonly role: StaffRole
  readonly storeId: string | null
  readonly storeName: string | null
  readonly boundAtMs: number
}

/** `admin.listStaff`: by store, then role (admins, managers, clerks), then name. */
export interface StaffList {
  /** The store listed; null: every store (admins). */
  readonly storeId: string | null
  readonly staff: readonly StaffView[]
}

/** `admin.changeStaffRole`: the binding after; `changes` is empty when it already was so. */
export interface ChangeStaffRoleResult {
  readonly staff: StaffView
  readonly changes: FieldChanges
  readonly replayed: boolean
}

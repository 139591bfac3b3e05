/** A staff member's role: 店员, 店长 (one store), 管理员 (every store). */
export type StaffRole = 'staff' | 'manager' | 'admin'

/** Roles an invite can grant (admins are set up by the operator, never invited). */
export type InvitableRole = Exclude<StaffRole, 'admin'>

/** Who a bound staff member is, as the permission rules need it. */
export interface StaffBinding {
  readonly role: StaffRole
  /** The store they act for; null for admins, who act for every store. */
  readonly storeId: string | null
}

/** Display names of the roles, for messages and the audit list. */
export const ROLE_NAMES: Readonly<Record<StaffRole, string>> = { staff: '店员', manager: '店长', admin: '管理员' }

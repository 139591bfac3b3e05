import type { AuditAction } from '@shared/contracts'
import type { AuditEntry, InvitableRole, StaffMember } from '@shared/staff'

export type { PurchaseRecord, ReversalRecord } from '@shared/staff'

/**
 * `staff/{openid}`: a bound staff member, with their counter for the day's purchase limit. The
 * `_id` is the OPENID, so a role is one read by id away.
 */
export type StaffDocument = StaffMember

/**
 * `stores/{storeId}`. The details came with the admin console: stores seeded before it may lack them
 * (`address` the demo seed has), so readers treat a missing one as empty.
 */
export interface StoreDocument {
  readonly _id: string
  readonly name: string
  readonly address?: string
  readonly phone?: string
  readonly hours?: string
  readonly createdAtMs?: number
  /** The store's join QR code in cloud storage, once drawn (`admin.storeQrCode`). */
  readonly qrCodeFileId?: string
}

/** `invites/{code}`: single-use, expiring. `code` repeats the id for the collection's unique index. */
export interface InviteDocument {
  readonly _id: string
  readonly code: string
  readonly role: InvitableRole
  readonly storeId: string
  readonly createdBy: string
  readonly createdAtMs: number
  readonly expiresAtMs: number
  readonly usedAtMs: number | null
  readonly usedBy: string | null
}

/**
 * `audit/{id}`: one staff action, a union on `action` (see `@shared/staff`'s `AuditEntry`): each
 * variant carries exactly the fields its action records.
 */
export type AuditDocument = AuditEntry

/** Every action the contract's audit list names has its variant, and no variant names another. */
type SameActions = [AuditDocument['action']] extends [AuditAction]
  ? [AuditAction] extends [AuditDocument['action']]
    ? true
    : false
  : false
type Holds<Condition extends true> = Condition
export type AuditActionsMatchTheContract = Holds<SameActions>

import type { AuditEntryView } from '@shared/contracts'
import type { EarningLine } from '@shared/earning'
import type { LotChange } from '@shared/ledger'
import type { InvitableRole, StaffRole } from '@shared/staff'

/** `staff/{openid}`: a bound staff member. The `_id` is the OPENID, so a role is one read by id away. */
export interface StaffDocument {
  readonly _id: string
  readonly openid: string
  readonly role: StaffRole
  /** Null for admins. */
  readonly storeId: string | null
  readonly name: string
  readonly boundAtMs: number
  /** The invite that bound them; absent for staff set up by the operator. */
  readonly inviteCode?: string | null
}

/** `stores/{storeId}`. */
export interface StoreDocument {
  readonly _id: string
  readonly name: string
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

/** `staff_daily/{openid}_{businessDay}`: what one staff member recorded on one business day. */
export interface StaffDailyDocument {
  readonly openid: string
  readonly day: string
  readonly purchaseTotalFen: number
  readonly purchaseCount: number
  readonly updatedAtMs: number
}

/** What a purchase's audit entry keeps besides the common fields: enough to replay and reverse it. */
export interface PurchaseRecord {
  readonly receiptNo: string | null
  readonly requestId: string
  readonly growth: number
  readonly lines: readonly EarningLine[]
  /** The purchase's own points, as they went into the lots (empty when it gave no points). */
  readonly lotChanges: readonly LotChange[]
  readonly upgradedTo: { readonly id: string; readonly name: string } | null
  readonly upgradeGiftPoints: number
  readonly referralReward: { readonly referrerMemberId: string; readonly points: number } | null
}

/** What a reversal's audit entry keeps. */
export interface ReversalRecord {
  readonly purchaseEntryId: string
  readonly reason: string
  readonly takenBack: number
  readonly shortfall: number
  readonly growthTakenBack: number
}

/**
 * `audit/{id}`: one staff action. Ids are derived from what the action concerned (`purchase_…`,
 * `reverse_…`, `coupon_<id>`, `pickup_<id>`, `invite_<code>`, …), so an action is audited once.
 */
export interface AuditDocument extends Omit<AuditEntryView, 'id' | 'reversed'> {
  readonly _id: string
  /** Set on a purchase's entry when it is reversed (in the reversal's transaction). */
  readonly reversedAtMs: number | null
  readonly purchase: PurchaseRecord | null
  readonly reversal: ReversalRecord | null
}

/**
 * The audit log (`audit/{id}`): one entry per staff action, a union on `action` in which each variant
 * has exactly the fields its action records. Ids are derived from what the action concerned
 * (`purchase_…`, `reverse_…`, `coupon_<id>`, `pickup_<id>`, `invite_<code>`, …), so an action is
 * audited once.
 */
import type { FieldChanges } from '../admin'
import type { EarningLine } from '../earning'
import type { LotChange } from '../ledger'
import type { StaffRole } from './roles'
import type { StaffMember } from './staffMember'

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
  /** Referral points taken back from the referrer (0 when the purchase paid none; absent on older entries). */
  readonly referralTakenBack?: number
}

/** Who acted and where: the operator's fields every entry starts from. */
export interface AuditOperator {
  readonly operatorOpenid: string
  readonly operatorName: string
  readonly operatorRole: StaffRole
  /** The store the action belongs to; null for an admin's action that concerns no store. */
  readonly storeId: string | null
}

interface AuditEntryBase extends AuditOperator {
  readonly _id: string
  /** The purchase entry, coupon, order, invite or OPENID the action concerned. */
  readonly subjectId: string
  /** A short description for the list (小票号, coupon title, reason…). */
  readonly note: string | null
  readonly createdAtMs: number
}

/** A points change at the counter, in the member's usable balance. */
interface PointsMovement {
  readonly memberId: string
  readonly amountFen: number
  /** Points added (positive) or taken back (negative). */
  readonly points: number
  readonly balanceBefore: number
  readonly balanceAfter: number
}

/** A recorded purchase: also its idempotency marker and the record a reversal works from. */
export interface PurchaseAuditEntry extends AuditEntryBase, PointsMovement {
  readonly action: 'purchase'
  /** Set when the purchase is reversed (in the reversal's transaction). */
  readonly reversedAtMs: number | null
  readonly purchase: PurchaseRecord
  /** The clerk whose over-limit purchase the operator (a manager) approved; absent otherwise. */
  readonly requestedByOpenid?: string
}

/** A reversed purchase (a refund), keyed `reverse_<purchase>`. */
export interface ReversalAuditEntry extends AuditEntryBase, PointsMovement {
  readonly action: 'reversePurchase'
  readonly reversal: ReversalRecord
}

/** A coupon verified at the counter (`coupon_<id>`). */
export interface CouponAuditEntry extends AuditEntryBase {
  readonly action: 'verifyCoupon'
  readonly memberId: string
}

/** A mall order handed over (`pickup_<id>`). */
export interface PickupAuditEntry extends AuditEntryBase {
  readonly action: 'verifyPickup'
  readonly memberId: string
}

/** An invite created (`invite_<code>`). */
export interface CreateInviteAuditEntry extends AuditEntryBase {
  readonly action: 'createInvite'
}

/** An invite accepted (`accept_<code>`): the operator is the new staff member. */
export interface AcceptInviteAuditEntry extends AuditEntryBase {
  readonly action: 'acceptInvite'
}

/** A staff binding removed (`unbind_<openid>_<ms>`). */
export interface UnbindAuditEntry extends AuditEntryBase {
  readonly action: 'unbind'
}

/**
 * A purchase a staff member tried to record for their own member account, refused
 * (`self_<purchase key>`): kept so that a manager sees the attempt; no points moved.
 */
export interface SelfPurchaseAuditEntry extends AuditEntryBase, Pick<PointsMovement, 'memberId' | 'amountFen'> {
  readonly action: 'selfPurchaseRefused'
}

/**
 * An admin's change to a mall item or a store (`admin_<requestId>`): who, when, and only the fields it changed.
 * `subjectId` is the item's or the store's id; a store's entry is filed under that store (`storeId`).
 */
export interface AdminItemAuditEntry extends AuditEntryBase {
  readonly action: 'saveItem' | 'retireItem' | 'restoreItem' | 'adjustStock' | 'saveStore' | 'saveRfmThresholds'
  readonly requestId: string
  readonly changes: FieldChanges
}

/**
 * A manual points adjustment by an admin or manager (`admin_<requestId>`), written in the same
 * transaction as its ledger entry: `changes.points` is the member's usable points before and after.
 */
export interface AdminPointsAuditEntry extends AuditEntryBase {
  readonly action: 'adjustPoints'
  readonly requestId: string
  readonly memberId: string
  readonly amount: number
  readonly changes: FieldChanges
}

/**
 * A member's birthday set by staff, or a tier granted by hand (`admin_<requestId>`): `changes.birthday`
 * or `changes.grantedTier` (its tier and last day) before and after.
 */
export interface AdminBirthdayAuditEntry extends AuditEntryBase {
  readonly action: 'correctBirthday' | 'grantTier'
  readonly requestId: string
  readonly memberId: string
  readonly changes: FieldChanges
}

/** A staff member's role or store changed by an admin (`admin_<requestId>`): `changes` has role and store before and after. */
export interface AdminStaffAuditEntry extends AuditEntryBase {
  readonly action: 'changeStaffRole'
  readonly requestId: string
  readonly changes: FieldChanges
}

/** An admin's change to a coupon template (`admin_<requestId>`): who, when, and only the fields it changed. */
export interface AdminCouponTemplateAuditEntry extends AuditEntryBase {
  readonly action: 'saveCouponTemplate' | 'retireCouponTemplate' | 'restoreCouponTemplate'
  readonly requestId: string
  readonly changes: FieldChanges
}

/** Why one member of an issue request got no coupon. */
export type CouponIssueRefusal = 'MEMBER_NOT_FOUND' | 'MEMBER_OF_OTHER_STORE' | 'SOLD_OUT'

/** One member of an issue request: the coupon it issued them, or why none. */
export interface CouponIssueOutcome {
  readonly memberId: string
  readonly couponId: string | null
  readonly refusal: CouponIssueRefusal | null
}

/**
 * A template issued to members by an admin or manager (`admin_<requestId>`), one entry per request,
 * written once every member is settled: the template (`subjectId`), how many got one, and each
 * member's outcome, which a replay of the request answers again.
 */
export interface AdminCouponIssueAuditEntry extends AuditEntryBase {
  readonly action: 'issueCoupon'
  readonly requestId: string
  readonly issuedCount: number
  readonly outcomes: readonly CouponIssueOutcome[]
  readonly changes: FieldChanges
}
/**
 * A programme change by an admin (`admin_<requestId>`): a draft saved, a version published or an old
 * one restored; `changes` holds the top-level sections that differ, before and after.
 */
export interface AdminProgrammeAuditEntry extends AuditEntryBase {
  readonly action: 'saveProgrammeDraft' | 'publishProgramme' | 'restoreProgrammeVersion'
  readonly requestId: string
  /** The version written (publish, restore) or the draft's base version. */
  readonly version: number
  readonly changes: FieldChanges
}

/**
 * A manager's or an admin's decision on a clerk's over-limit purchase (`approval_<approvalId>`: an
 * approval is decided once), written with the decision for approve and reject alike: an approval's
 * purchase entry names the clerk, but a rejection leaves no other trace. Filed under the clerk's store.
 */
export interface ApprovalDecisionAuditEntry extends AuditEntryBase, Pick<PointsMovement, 'memberId' | 'amountFen'> {
  readonly action: 'decideApproval'
  readonly requestId: string
  readonly approvalId: string
  readonly reason: string | null
  /** The approved purchase's own entry; null for a rejection. */
  readonly purchaseEntryId: string | null
  /** `status`: pending before, approved or rejected after. */
  readonly changes: FieldChanges
}

/**
 * A CSV export asked for (`export_<exportId>`: one per export, written before the export is recorded, so no file
 * of members' data exists without its entry). Filed under the store exported (null: the chain); `note` says what.
 */
export interface ExportAuditEntry extends AuditEntryBase {
  readonly action: 'requestExport'
  readonly requestId: string
  readonly kind: 'members' | 'ledger'
  readonly from: string | null
  readonly to: string | null
  readonly phonesMasked: boolean
}

/** One audit entry, by its action. */
export type AuditEntry =
  | PurchaseAuditEntry
  | ReversalAuditEntry
  | CouponAuditEntry
  | PickupAuditEntry
  | CreateInviteAuditEntry
  | AcceptInviteAuditEntry
  | UnbindAuditEntry
  | SelfPurchaseAuditEntry
  | AdminItemAuditEntry
  | AdminCouponTemplateAuditEntry
  | AdminCouponIssueAuditEntry
  | AdminPointsAuditEntry
  | AdminBirthdayAuditEntry
  | AdminStaffAuditEntry
  | AdminProgrammeAuditEntry
  | ApprovalDecisionAuditEntry
  | ExportAuditEntry

/** The operator fields of an entry for an action by `staff`, in their own store. */
export function auditOperatorOf(staff: Pick<StaffMember, 'openid' | 'name' | 'role' | 'storeId'>): AuditOperator {
  return {
    operatorOpenid: staff.openid,
    operatorName: staff.name,
    operatorRole: staff.role,
    storeId: staff.storeId,
  }
}

/** A purchase's audit entry, or null when the entry is some other action's (or there is none). */
export function purchaseEntryOf(entry: AuditEntry | null): PurchaseAuditEntry | null {
  return entry?.action === 'purchase' ? entry : null
}

export {
  type AcceptInviteAuditEntry,
  type AdminBirthdayAuditEntry,
  type AdminCouponIssueAuditEntry,
  type AdminCouponTemplateAuditEntry,
  type AdminItemAuditEntry,
  type AdminPointsAuditEntry,
  type AdminProgrammeAuditEntry,
  type AdminStaffAuditEntry,
  type ApprovalDecisionAuditEntry,
  type AuditEntry,
  type AuditOperator,
  auditOperatorOf,
  type CouponAuditEntry,
  type CouponIssueOutcome,
  type CouponIssueRefusal,
  type CreateInviteAuditEntry,
  type ExportAuditEntry,
  type PickupAuditEntry,
  type PurchaseAuditEntry,
  type PurchaseRecord,
  purchaseEntryOf,
  type ReversalAuditEntry,
  type ReversalRecord,
  type SelfPurchaseAuditEntry,
  type UnbindAuditEntry,
} from './audit'
export {
  decidePurchase,
  type PurchaseDecision,
  type PurchaseInput,
  referralEntryKeyOf,
  referrerDue,
} from './decidePurchase'
export { decideReversal, type ReversalDecision } from './decideReversal'
export {
  auditScopeOf,
  DEPLOYMENT_INVITER,
  inviteAuthority,
  inviterAuthority,
  reversalAuthority,
  roleChangeAuthority,
  type StaffTarget,
  staffListScopeOf,
  unbindAuthority,
} from './permissions'
export { birthdayOf, purchaseEarningOf } from './purchaseEarningOf'
export { PURCHASE_KEY_LENGTH_MAX, receiptPurchaseKey, reversalKeyOf } from './purchaseKey'
export { needsManagerApproval, purchaseWithinLimits } from './purchaseLimits'
export { type InvitableRole, ROLE_NAMES, type StaffBinding, type StaffRole } from './roles'
export { selfPurchaseAttempt } from './selfPurchase'
export { type StaffDay, type StaffMember, staffDayOn, staffDayWithPurchase } from './staffMember'

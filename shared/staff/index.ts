export { auditScopeOf, inviteAuthority, reversalAuthority, unbindAuthority } from './permissions'
export { PURCHASE_KEY_LENGTH_MAX, receiptPurchaseKey, reversalKeyOf } from './purchaseKey'
export { needsManagerApproval, purchaseWithinLimits } from './purchaseLimits'
export { type InvitableRole, ROLE_NAMES, type StaffBinding, type StaffRole } from './roles'

export {
  type AdjustmentDecision,
  adjustmentLimitOf,
  decidePointsAdjustment,
  type PointsAdjustment,
} from './adjustPoints'
export { applyGrowth, type GrowthOutcome } from './applyGrowth'
export { type CheckInDecision, checkInEntryKeyOf, decideCheckIn } from './checkIn'
export { decideExpiry, type ExpiryDecision, expiryEntryIdOf } from './expire'
export { grantPoints, type PointsGrant } from './grantPoints'
export { decideJoin, type JoinDecision, type JoinRequest, joinGiftKeyOf } from './join'
export {
  decideMakeup,
  type MakeupDecision,
  makeupCostKeyOf,
  makeupEntryKeyOf,
} from './makeup'
export type { LedgerEntry, Member, MemberCheckIn } from './member'
export {
  decideProfileUpdate,
  isProfileComplete,
  maskPhoneNumber,
  type ProfileChanges,
  type ProfileDecision,
  profileRewardKeyOf,
} from './profile'

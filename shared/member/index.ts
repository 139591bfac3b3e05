export {
  type AdjustmentDecision,
  adjustmentLimitOf,
  decidePointsAdjustment,
  type PointsAdjustment,
} from './adjustPoints'
export { applyGrowth, type GrowthOutcome } from './applyGrowth'
export {
  BIRTHDAY_CATCH_UP_DAYS,
  type BirthdayGiftDecision,
  type BirthdayGiftOn,
  birthdayCouponKeyOf,
  birthdayGiftKeyOf,
  birthdaysDue,
  decideBirthdayGift,
} from './birthday'
export { type CheckInDecision, checkInEntryKeyOf, decideCheckIn } from './checkIn'
export { decideExpiry, type ExpiryDecision, expiryEntryIdOf } from './expire'
export { type GiftCoupon, giftCouponsOf } from './giftCoupons'
export { grantPoints, type PointsGrant } from './grantPoints'
export { heldTierIdOf, heldTierOf, validGrantOf } from './heldTier'
export { decideJoin, type JoinDecision, type JoinRequest, joinGiftKeyOf } from './join'
export {
  decideMakeup,
  type MakeupDecision,
  makeupCostKeyOf,
  makeupEntryKeyOf,
} from './makeup'
export type { GrantedTier, LedgerEntry, Member, MemberCheckIn, MemberQualification, TierNotice } from './member'
export {
  decideProfileUpdate,
  isProfileComplete,
  maskPhoneNumber,
  type ProfileChanges,
  type ProfileDecision,
  profileRewardKeyOf,
} from './profile'
export {
  NO_PURCHASES,
  type PurchaseSummary,
  purchaseSummaryOf,
  withoutPurchase,
  withPurchase,
} from './purchaseSummary'
export { countQualifyingGrowth, type QualificationFields, startQualification } from './qualification'
export { decideThresholdUpgrade, lowestUpgradeGrowth } from './thresholdUpgrade'
export { decideTierGrant, mayTouchTier, type TierGrantRequest, tierGrantDaysMaxOf } from './tierGrant'
export { decideTierReview, type TierHistoryEntry, type TierReview, tierHistoryIdOf } from './tierReview'
export {
  decideWinBack,
  dormantBeforeMs,
  lastVisitOf,
  type WinBackDecision,
  winBackKeyOf,
  withVisit,
} from './visit'

export {
  type ClaimCounter,
  type ClaimDecision,
  type ClaimRequest,
  type ClaimState,
  claimCounterIdOf,
  claimReplayOf,
  decideClaim,
} from './claim'
export { type ClaimFailureCode, claimEligibility, tierMayClaim } from './claimEligibility'
export { type Coupon, type CouponSource, newCoupon, TEMPLATE_COUNTED_SOURCES } from './coupon'
export { type CouponState, couponStateAt, type IssuedCoupon } from './couponState'
export { type CouponDiscount, discountFor } from './discount'
export { type RedeemabilityCode, redeemability } from './redeemability'
export { type CouponWalletEntry, sortWallet } from './sortWallet'
export { couponStoreIds, storeListText, storeUsability } from './storeUsability'
export {
  type ClaimWindow,
  COUPON_AMOUNT_FEN_MAX,
  COUPON_DESCRIPTION_LENGTH_MAX,
  COUPON_ITEM_NAME_LENGTH_MAX,
  COUPON_PER_MEMBER_LIMIT_MAX,
  COUPON_STORE_COUNT_MAX,
  COUPON_TITLE_LENGTH_MAX,
  COUPON_TOTAL_QUANTITY_MAX,
  COUPON_VALIDITY_DAYS_MAX,
  type CouponBenefit,
  type CouponTemplate,
  type CouponTemplateInput,
  type CouponValidity,
  cashOffBenefitSchema,
  claimWindowSchema,
  couponBenefitSchema,
  couponTemplateSchema,
  couponValiditySchema,
  exchangeBenefitSchema,
  PAY_PERCENT_MAX,
  PAY_PERCENT_MIN,
  parseCouponTemplate,
  percentOffBenefitSchema,
} from './template'
export {
  COUPON_TEMPLATE_EDITABLE_FIELDS,
  type CouponTemplateEditableField,
  totalBelowIssued,
} from './templateEdit'
export { type CouponValidityWindow, couponValidity } from './validity'

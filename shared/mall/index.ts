export {
  type CancellationDecision,
  type CancellationOptions,
  type CancellationState,
  cancelEntryKeyOf,
  decideCancellation,
} from './cancellation'
export { countedRedemptions, type RedemptionCounter, redemptionCounterIdOf } from './counter'
export {
  MALL_ITEM_DESCRIPTION_LENGTH_MAX,
  MALL_ITEM_EDITABLE_FIELDS,
  MALL_ITEM_ID_PATTERN,
  MALL_ITEM_IMAGE_LENGTH_MAX,
  MALL_ITEM_PER_MEMBER_LIMIT_MAX,
  MALL_ITEM_POINTS_PRICE_MAX,
  MALL_ITEM_STOCK_MAX,
  MALL_ITEM_TITLE_LENGTH_MAX,
  type MallItem,
  type MallItemEdit,
  type MallItemEditableField,
  type MallItemInput,
  mallItemEditableSchema,
  mallItemSchema,
  parseMallItem,
} from './item'
export {
  type OrderCancelledBy,
  type OrderStatus,
  orderCancellability,
  orderCountsTowardLimit,
  type PickupOrder,
} from './order'
export { expiredOrdersCreatedByMs, isOrderExpired, pickupDeadlineMs } from './orderExpiry'
export { isPickupCode, PICKUP_CODE_LENGTH, PICKUP_CODE_SPACE, pickupCodeOf } from './pickupCode'
export { isOnSale, type RedeemRefusalCode, redeemEligibility, tierMayRedeem } from './redeemEligibility'
export {
  decideRedemption,
  type Redeemed,
  type RedemptionDecision,
  type RedemptionRequest,
  redemptionEntryKeyOf,
} from './redemption'
export { refundSpend } from './refund'

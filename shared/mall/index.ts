export {
  MALL_ITEM_DESCRIPTION_LENGTH_MAX,
  MALL_ITEM_ID_PATTERN,
  MALL_ITEM_IMAGE_LENGTH_MAX,
  MALL_ITEM_PER_MEMBER_LIMIT_MAX,
  MALL_ITEM_POINTS_PRICE_MAX,
  MALL_ITEM_STOCK_MAX,
  MALL_ITEM_TITLE_LENGTH_MAX,
  type MallItem,
  type MallItemInput,
  mallItemSchema,
  parseMallItem,
} from './item'
export { type OrderStatus, orderCancellability } from './order'
export { isPickupCode, PICKUP_CODE_LENGTH, PICKUP_CODE_SPACE, pickupCodeOf } from './pickupCode'
export { isOnSale, type RedeemRefusalCode, redeemEligibility, tierMayRedeem } from './redeemEligibility'
export { refundSpend } from './refund'

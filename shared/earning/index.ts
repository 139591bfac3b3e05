export { type Birthday, campaignApplies, campaignsApplying } from './campaigns'
export { type EarningLine, PURCHASE_AMOUNT_FEN_MAX, type PurchaseEarning, purchaseEarning } from './purchaseEarning'

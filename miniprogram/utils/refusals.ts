import { ERROR_MESSAGES, type ErrorCode } from '@shared/errors'

/** What each refusal of `mall.redeem` means for the member, said plainly. */
const REDEEM_HEADLINES: Partial<Record<ErrorCode, string>> = {
  POINTS_INSUFFICIENT: '积分不足，暂不能兑换',
  OUT_OF_STOCK: '库存不足，该商品已被兑完',
  LIMIT_REACHED: '已达到每人兑换上限',
  TIER_REQUIRED: '会员等级不足，暂不能兑换',
  NOT_ON_SALE: '商品不在兑换时间内',
  NOT_A_MEMBER: '请先加入会员再兑换',
  ITEM_NOT_FOUND: '商品已下架或不存在',
  NETWORK_ERROR: '网络异常，兑换结果未确认，请点击重试',
  INTERNAL: '系统繁忙，兑换结果未确认，请点击重试',
  REQUEST_ID_REUSED: '本次兑换请求已失效，请重新兑换',
}

/** What each refusal of `coupon.claim` means for the member. */
const CLAIM_HEADLINES: Partial<Record<ErrorCode, string>> = {
  SOLD_OUT: '优惠券已领完',
  LIMIT_REACHED: '已达到每人领取上限',
  TIER_REQUIRED: '会员等级不足，暂不能领取',
  CLAIM_NOT_OPEN: '优惠券不在领取时间内',
  NOT_A_MEMBER: '请先加入会员再领取',
  COUPON_NOT_FOUND: '优惠券已下架或不存在',
  NETWORK_ERROR: '网络异常，领取结果未确认，请重试',
  INTERNAL: '系统繁忙，领取结果未确认，请重试',
  REQUEST_ID_REUSED: '本次领取请求已失效，请重新领取',
}

/** What each refusal of `staff.recordPurchase` means at the counter. */
const RECORD_HEADLINES: Partial<Record<ErrorCode, string>> = {
  MANAGER_APPROVAL_REQUIRED: '超出限额，请店长操作',
  NETWORK_ERROR: '网络异常，记录结果未确认，请点击重试',
  INTERNAL: '系统繁忙，记录结果未确认，请点击重试',
  REQUEST_ID_REUSED: '本次记录请求已失效，请重新记录',
  NOT_STAFF: '你的店员身份已解除，无法记录消费',
  FORBIDDEN: '无权为该会员记录消费',
}

/** What each refusal of `staff.requestApproval` means at the counter. */
const APPROVAL_REQUEST_HEADLINES: Partial<Record<ErrorCode, string>> = {
  NETWORK_ERROR: '网络异常，提交结果未确认，请重试',
  INTERNAL: '系统繁忙，提交结果未确认，请重试',
  APPROVAL_NOT_NEEDED: '该笔消费未超出限额，无需审批，请直接记录',
  REQUEST_ID_REUSED: '本次提交已失效，请重新记录消费',
  NOT_STAFF: '你的店员身份已解除，无法提交审批',
}

/** What each refusal of `admin.decideApproval` means to the manager. */
const DECIDE_HEADLINES: Partial<Record<ErrorCode, string>> = {
  APPROVAL_DECIDED: '该申请已由其他人处理，本次操作未生效',
  APPROVAL_EXPIRED: '该申请已过期，请店员重新提交',
  APPROVAL_NOT_FOUND: '该申请不存在或已撤回',
  MANAGER_APPROVAL_REQUIRED: '你的店长权限已变更，无法批准该申请',
  NETWORK_ERROR: '网络异常，审批结果未确认，请重试',
  INTERNAL: '系统繁忙，审批结果未确认，请重试',
}

/** Failures whose outcome is unknown: the request may have gone through, so a retry reuses its request id. */
export function isOutcomeUnknown(code: ErrorCode): boolean {
  return code === 'NETWORK_ERROR' || code === 'INTERNAL'
}

function explain(headlines: Partial<Record<ErrorCode, string>>, code: ErrorCode, message: string): string {
  const headline = headlines[code]
  if (headline === undefined) return message
  // The server's message adds detail (`可用 50 积分，需要 100 积分`) unless it is the code's stock text.
  const detailed = message !== '' && message !== ERROR_MESSAGES[code] && !isOutcomeUnknown(code)
  return detailed ? `${headline}（${message}）` : headline
}

/** The message for a refused redemption: the code's plain meaning plus the server's detail. */
export function redeemFailureText(code: ErrorCode, message: string): string {
  return explain(REDEEM_HEADLINES, code, message)
}

/** The message for a refused claim: the code's plain meaning plus the server's detail. */
export function claimFailureText(code: ErrorCode, message: string): string {
  return explain(CLAIM_HEADLINES, code, message)
}

/** The message for a refused purchase: the code's plain meaning plus the server's detail (the limit). */
export function recordFailureText(code: ErrorCode, message: string): string {
  return explain(RECORD_HEADLINES, code, message)
}

/** The message for a refused submission to the manager. */
export function approvalRequestFailureText(code: ErrorCode, message: string): string {
  return explain(APPROVAL_REQUEST_HEADLINES, code, message)
}

/** The message for a refused approval decision. */
export function decideFailureText(code: ErrorCode, message: string): string {
  return explain(DECIDE_HEADLINES, code, message)
}

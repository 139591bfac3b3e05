/**
 * Every domain failure the system reports, with the message a member or staff member reads.
 * Codes are stable API: clients branch on them, so never rename one. Grouped by domain; within a
 * domain, listed in the order checks run (the first failing check wins).
 */
export const ERROR_MESSAGES = {
  // Input and access
  INVALID_INPUT: '输入有误',
  UNKNOWN_ACTION: '不支持的操作',
  FORBIDDEN: '没有权限执行此操作',
  MEMBER_NOT_FOUND: '会员不存在',
  STORE_NOT_FOUND: '门店不存在',
  NOT_A_MEMBER: '请先加入会员',
  REQUEST_ID_REUSED: '请求编号已用于另一项操作，请重新提交',
  BIRTHDAY_ALREADY_SET: '生日已设置，如需修改请联系门店',
  PHONE_NUMBER_UNAVAILABLE: '未能获取手机号，请重试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK_ERROR: '网络异常，请检查网络后重试',

  // Programme configuration
  INVALID_PROGRAMME: '会员方案配置有误',

  // Points
  POINTS_INSUFFICIENT: '积分不足',
  INVALID_AMOUNT: '金额或积分数必须是正整数',
  ALREADY_REVERSED: '该记录已撤销',

  // Check-in
  CHECK_IN_DISABLED: '签到活动未开启',
  ALREADY_CHECKED_IN: '今天已经签到过了',
  CHECK_IN_OUT_OF_ORDER: '签到日期早于上次签到',
  MAKEUP_DISABLED: '暂不支持补签',
  MAKEUP_OUT_OF_WINDOW: '该日期不在可补签范围内',
  MAKEUP_LIMIT_REACHED: '本月补签次数已用完',

  // Mall
  OUT_OF_STOCK: '库存不足',
  LIMIT_REACHED: '已达到上限',
  TIER_REQUIRED: '会员等级不足',
  NOT_ON_SALE: '商品不在兑换时间内',
  ITEM_NOT_FOUND: '商品不存在或已下架',
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_NOT_CANCELLABLE: '订单已领取，无法取消',

  // Coupons
  COUPON_NOT_FOUND: '优惠券不存在',
  COUPON_USED: '优惠券已使用',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_NOT_STARTED: '优惠券尚未到使用时间',
  COUPON_NOT_VALID_IN_STORE: '该券仅限指定门店使用',
  COUPON_THRESHOLD_NOT_MET: '未达到优惠券使用门槛',
  CLAIM_NOT_OPEN: '优惠券不在领取时间内',
  SOLD_OUT: '优惠券已领完',
  COUPON_RETIRED: '该优惠券已停止发放',

  // Signed member and coupon codes (precedence: malformed, signature, kind, time)
  CODE_MALFORMED: '无法识别的二维码',
  CODE_INVALID: '二维码无效或已被篡改',
  CODE_WRONG_KIND: '二维码类型不符',
  CODE_NOT_YET_VALID: '二维码时间异常，请刷新后重试',
  CODE_EXPIRED: '二维码已过期，请刷新后重试',
  CODE_LOOKUPS_EXCEEDED: '会员码查询过于频繁，请一分钟后再试',

  // Staff at the counter (precedence: binding, role, limits, then the subject's state)
  NOT_STAFF: '仅限已绑定的门店员工使用',
  ALREADY_STAFF: '你已绑定门店员工身份',
  INVITE_NOT_FOUND: '邀请码无效',
  INVITE_USED: '邀请码已被使用',
  INVITE_REVOKED: '邀请人已无权发出该邀请，邀请已失效',
  INVITE_EXPIRED: '邀请码已过期',
  MANAGER_APPROVAL_REQUIRED: '超出店员权限额度，请店长确认',
  APPROVAL_NOT_NEEDED: '该笔消费未超出额度，可直接记录',
  APPROVAL_NOT_FOUND: '审批申请不存在',
  APPROVAL_DECIDED: '该申请已处理',
  APPROVAL_EXPIRED: '审批申请已过期，请店员重新提交',
  SELF_PURCHASE: '不能为自己的会员账户记录消费，请其他同事记录',
  COUNTER_SESSION_EXPIRED: '扫码已超过 5 分钟，请重新扫描会员码',
  COUNTER_SESSION_INVALID: '会员信息无效，请重新扫描会员码',
  PURCHASE_NOT_FOUND: '消费记录不存在',
  STAFF_NOT_FOUND: '该员工未绑定或已解绑',
  PICKUP_CODE_NOT_FOUND: '取货码不存在',
  ALREADY_PICKED_UP: '该订单已领取',
  ORDER_CANCELLED: '该订单已取消',

  // Admin console (precedence: binding, role, then the subject's state)
  STOCK_BELOW_ZERO: '调整后库存将小于 0，请核对数量',
  ADJUSTMENT_OVER_LIMIT: '调整积分超过本角色的单次上限',
  TIER_NOT_FOUND: '等级不存在',
  TIER_GRANT_OVER_LIMIT: '授予等级超出本角色的权限',
  TOTAL_BELOW_ISSUED: '发放总量不能少于已发放的数量',
  ISSUE_OVER_LIMIT: '发券人数超过本角色的单次上限',
  MEMBER_OF_OTHER_STORE: '该会员不是本店会员',
  PROGRAMME_DRAFT_MISSING: '没有待发布的草稿',
  PROGRAMME_VERSION_STALE: '草稿所基于的版本已不是当前版本，请基于最新版本重新编辑',
  PROGRAMME_VERSION_NOT_FOUND: '该历史版本不存在',
  PROGRAMME_TIER_REMOVED: '不能删除现有等级（会员仍持有该等级），可改名或调整门槛',
  EXPORT_NOT_FOUND: '导出记录不存在',
} as const

/** A stable, machine-readable failure code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES

/** The readable Chinese message for a code. */
export function messageFor(code: ErrorCode): string {
  return ERROR_MESSAGES[code]
}

/** Whether a string is one of the known codes (for clients decoding an envelope). */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_MESSAGES, value)
}

/**
 * Coupon templates: what a coupon gives (cash off, a discount rate, or an item), how long an issued
 * coupon lasts, and who may claim how many. One zod schema is the source of truth; the types are
 * inferred from it. Money is integer fen; instants are UTC milliseconds.
 */
import { z } from 'zod'
import { TIER_COUNT_MAX } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { describeIssues } from '../validation/describeIssues'
import { displayText } from '../validation/displayText'

/** Bounds that keep every amount in safe integer range and every template document small. */
export const COUPON_TITLE_LENGTH_MAX = 20
export const COUPON_DESCRIPTION_LENGTH_MAX = 200
export const COUPON_ITEM_NAME_LENGTH_MAX = 20
/** ¥100,000: far above any café order, far below the edge of safe integers. */
export const COUPON_AMOUNT_FEN_MAX = 10_000_000
export const COUPON_VALIDITY_DAYS_MAX = 3660
export const COUPON_TOTAL_QUANTITY_MAX = 100_000_000
export const COUPON_PER_MEMBER_LIMIT_MAX = 100
/** Stores one template may be limited to; more than a handful reads as "every store". */
export const COUPON_STORE_COUNT_MAX = 20
/** What the member pays, in percent: 1 (1 折) to 99 (9.9 折). */
export const PAY_PERCENT_MIN = 1
export const PAY_PERCENT_MAX = 99

// Template and tier ids share the programme's id rule, so a programme's gifts can name templates.
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '只能包含小写字母、数字、- 和 _，且不超过 32 个字符')
// Store ids follow the API's rule for them (`staff.createInvite`, `member.join`).
const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '门店编号格式有误')

function fenAtLeast(minimumFen: 0 | 1) {
  return z
    .number({ error: '金额必须是数字（单位：分）' })
    .int('金额必须是整数分，不能有小数')
    .min(minimumFen, minimumFen === 0 ? '金额不能为负数' : '金额必须大于 0')
    .max(COUPON_AMOUNT_FEN_MAX, `金额不能超过 ${COUPON_AMOUNT_FEN_MAX / 100} 元`)
}
const fen = fenAtLeast(0)
const positiveFen = fenAtLeast(1)
const instantMs = z.number().int('时间必须是整数毫秒').min(0, '时间不能早于 1970 年')

const ENDS_AFTER_STARTS = { message: '结束时间必须晚于开始时间', path: ['endsAtMs'] }

/** Cash off once the order reaches a minimum (满减), e.g. ¥5 off ¥30. */
export const cashOffBenefitSchema = z.object({
  kind: z.literal('cashOff'),
  amountOffFen: positiveFen,
  minSpendFen: fen,
})

/** A discount rate (折扣): the member pays `payPercent` of the order (85 = 8.5 折), optionally capped. */
export const percentOffBenefitSchema = z.object({
  kind: z.literal('percentOff'),
  payPercent: z
    .number()
    .int('折扣必须是整数百分比（85 表示 8.5 折）')
    .min(PAY_PERCENT_MIN, `折扣必须在 ${PAY_PERCENT_MIN}–${PAY_PERCENT_MAX} 之间（85 表示 8.5 折）`)
    .max(PAY_PERCENT_MAX, `折扣必须在 ${PAY_PERCENT_MIN}–${PAY_PERCENT_MAX} 之间（85 表示 8.5 折）`),
  /** Largest discount one order gets; null for no cap. */
  maxDiscountFen: positiveFen.nullable(),
  minSpendFen: fen,
})

/** An item for free (兑换券), worth at most `valueFen` off the order it is used on. */
export const exchangeBenefitSchema = z.object({
  kind: z.literal('exchange'),
  itemName: displayText({ min: 1, max: COUPON_ITEM_NAME_LENGTH_MAX, messages: { min: '兑换商品名称不能为空' } }),
  valueFen: positiveFen,
})

/** What a coupon gives. */
export const couponBenefitSchema = z.discriminatedUnion('kind', [
  cashOffBenefitSchema,
  percentOffBenefitSchema,
  exchangeBenefitSchema,
])

/** How long an issued coupon lasts: fixed instants, or N business days counting the issue day as day 1. */
export const couponValiditySchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('fixed'), startsAtMs: instantMs, endsAtMs: instantMs })
    .refine((window) => window.endsAtMs > window.startsAtMs, ENDS_AFTER_STARTS),
  z.object({
    kind: z.literal('afterIssue'),
    days: z.number().int('有效天数必须是整数').min(1, '有效天数至少为 1').max(COUPON_VALIDITY_DAYS_MAX),
  }),
])

/** When members may claim a template; `endsAtMs` is exclusive. */
export const claimWindowSchema = z
  .object({ startsAtMs: instantMs, endsAtMs: instantMs })
  .refine((window) => window.endsAtMs > window.startsAtMs, ENDS_AFTER_STARTS)

export const couponTemplateSchema = z.object({
  id,
  title: displayText({
    min: 1,
    max: COUPON_TITLE_LENGTH_MAX,
    messages: { min: '标题不能为空', max: `标题不能超过 ${COUPON_TITLE_LENGTH_MAX} 个字` },
  }),
  description: displayText({ max: COUPON_DESCRIPTION_LENGTH_MAX, multiline: true }).optional(),
  benefit: couponBenefitSchema,
  validity: couponValiditySchema,
  /** Coupons that may ever be issued from this template; null for unlimited. */
  totalQuantity: z.number().int().min(1, '发放总量至少为 1').max(COUPON_TOTAL_QUANTITY_MAX).nullable(),
  perMemberLimit: z.number().int().min(1, '每人限领至少为 1').max(COUPON_PER_MEMBER_LIMIT_MAX),
  /** Tiers that may claim; empty for every tier. */
  tierIds: z
    .array(id)
    .max(TIER_COUNT_MAX)
    .refine((tierIds) => new Set(tierIds).size === tierIds.length, '等级 id 重复'),
  /** When members may claim it themselves; null for always. Issuing by gifts ignores it. */
  claimWindow: claimWindowSchema.nullable(),
  /**
   * The only stores where its coupons may be verified; absent or empty for every store. Copied onto
   * each coupon when issued, so editing the list later leaves coupons already held as they were.
   */
  storeIds: z
    .array(storeId)
    .max(COUPON_STORE_COUNT_MAX, `最多限定 ${COUPON_STORE_COUNT_MAX} 家门店`)
    .refine((storeIds) => new Set(storeIds).size === storeIds.length, '门店编号重复')
    .optional(),
})

/** A template as an admin writes it. */
export type CouponTemplateInput = z.input<typeof couponTemplateSchema>
/** A validated coupon template. */
export type CouponTemplate = z.output<typeof couponTemplateSchema>
/** What a coupon gives: cash off, a discount rate or an item. */
export type CouponBenefit = z.output<typeof couponBenefitSchema>
/** How long an issued coupon lasts. */
export type CouponValidity = z.output<typeof couponValiditySchema>
/** When members may claim a template. */
export type ClaimWindow = z.output<typeof claimWindowSchema>

/** Validates a coupon template, or explains every problem found (one line per field). */
export function parseCouponTemplate(input: unknown): Result<CouponTemplate, 'INVALID_INPUT'> {
  const parsed = couponTemplateSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err('INVALID_INPUT', describeIssues(parsed.error.issues))
}

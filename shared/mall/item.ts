/**
 * Points-mall items: a gift picked up in store or a coupon put into the wallet, with its points
 * price, stock, per-member limit, tier restriction, sale window and status. One zod schema is the
 * source of truth; the cloud layer validates every item document with it when it reads one.
 */
import { z } from 'zod'
import { TIER_COUNT_MAX } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { describeIssues } from '../validation/describeIssues'
import { displayText } from '../validation/displayText'

/** Bounds that keep an item document small and every figure a safe integer. */
export const MALL_ITEM_TITLE_LENGTH_MAX = 30
export const MALL_ITEM_DESCRIPTION_LENGTH_MAX = 500
export const MALL_ITEM_IMAGE_LENGTH_MAX = 512
export const MALL_ITEM_POINTS_PRICE_MAX = 10_000_000
export const MALL_ITEM_STOCK_MAX = 100_000_000
export const MALL_ITEM_PER_MEMBER_LIMIT_MAX = 100

/** Item ids: what the admin chose, readable in links and in the per-member counter ids. */
export const MALL_ITEM_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/

// Tier and coupon template ids follow the programme's id rule.
const programmeId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '只能包含小写字母、数字、- 和 _，且不超过 32 个字符')
const instantMs = z.number().int('时间必须是整数毫秒').min(0, '时间不能早于 1970 年')
const count = (maximum: number) => z.number().int('必须是整数').min(0, '不能为负数').max(maximum)

const mallItemFields = z.object({
  id: z.string().regex(MALL_ITEM_ID_PATTERN, '只能包含小写字母、数字、- 和 _，且不超过 40 个字符'),
  title: displayText({
    min: 1,
    max: MALL_ITEM_TITLE_LENGTH_MAX,
    messages: { min: '标题不能为空', max: `标题不能超过 ${MALL_ITEM_TITLE_LENGTH_MAX} 个字` },
  }),
  description: displayText({ max: MALL_ITEM_DESCRIPTION_LENGTH_MAX, multiline: true }).default(''),
  /** A cloud-storage file id or an https URL; null shows a placeholder. */
  image: z
    .string()
    .max(MALL_ITEM_IMAGE_LENGTH_MAX)
    .regex(/^(https|cloud):\/\/[^\s]+$/, '图片地址应为 https:// 或 cloud:// 开头')
    .nullable(),
  /** `pickup`: a gift collected at the counter with a pickup code; `coupon`: a coupon into the wallet. */
  kind: z.enum(['pickup', 'coupon']),
  /** The template a coupon item issues; null for a pickup gift. */
  couponTemplateId: programmeId.nullable(),
  pointsPrice: z.number().int('积分必须是整数').min(1, '兑换积分至少为 1').max(MALL_ITEM_POINTS_PRICE_MAX),
  /** Units left; decremented by each redemption, never below zero. */
  stock: count(MALL_ITEM_STOCK_MAX),
  /** Units redeemed so far (kept beside the stock, for reports and reconciliation). */
  sold: count(MALL_ITEM_STOCK_MAX).default(0),
  /** Redemptions one member may hold (cancelled ones give theirs back); null for no limit. */
  perMemberLimit: z.number().int().min(1, '每人限兑至少为 1').max(MALL_ITEM_PER_MEMBER_LIMIT_MAX).nullable(),
  /** Tiers that may redeem; empty for every tier. */
  tierIds: z
    .array(programmeId)
    .max(TIER_COUNT_MAX)
    .refine((tierIds) => new Set(tierIds).size === tierIds.length, '等级 id 重复'),
  /** Start (inclusive) and end (exclusive) of the sale; null for open-ended. */
  saleStartsAtMs: instantMs.nullable(),
  saleEndsAtMs: instantMs.nullable(),
  /** `offSale` hides the item and stops redemptions whatever the window says. */
  status: z.enum(['onSale', 'offSale']),
})

type ItemRules = Pick<z.output<typeof mallItemFields>, 'kind' | 'couponTemplateId' | 'saleStartsAtMs' | 'saleEndsAtMs'>

/** The rules across fields: a coupon item names its template (a gift none), and a sale ends after it starts. */
function withItemRules<S extends z.ZodType<ItemRules>>(schema: S) {
  return schema
    .refine((item) => (item.kind === 'coupon') === (item.couponTemplateId !== null), {
      message: '优惠券商品必须指定优惠券模板，实物商品不能指定',
      path: ['couponTemplateId'],
    })
    .refine(
      (item) => item.saleStartsAtMs === null || item.saleEndsAtMs === null || item.saleEndsAtMs > item.saleStartsAtMs,
      { message: '结束时间必须晚于开始时间', path: ['saleEndsAtMs'] },
    )
}

export const mallItemSchema = withItemRules(mallItemFields)

/** The fields an admin edits; never `stock`, `sold` (moved only by conditional increments) or `status`. */
export const MALL_ITEM_EDITABLE_FIELDS = [
  'title',
  'description',
  'image',
  'kind',
  'couponTemplateId',
  'pointsPrice',
  'perMemberLimit',
  'tierIds',
  'saleStartsAtMs',
  'saleEndsAtMs',
] as const
export type MallItemEditableField = (typeof MALL_ITEM_EDITABLE_FIELDS)[number]

/** An item as the admin's form sends it: its id and the editable fields, with the same rules. */
export const mallItemEditableSchema = withItemRules(
  mallItemFields
    .pick({
      id: true,
      title: true,
      description: true,
      image: true,
      kind: true,
      couponTemplateId: true,
      pointsPrice: true,
      perMemberLimit: true,
      tierIds: true,
      saleStartsAtMs: true,
      saleEndsAtMs: true,
    })
    .strict(),
)
export type MallItemEdit = z.output<typeof mallItemEditableSchema>

/** An item as an admin writes it. */
export type MallItemInput = z.input<typeof mallItemSchema>
/** A validated mall item. */
export type MallItem = z.output<typeof mallItemSchema>

/** Validates a mall item, or explains every problem found (one line per field). */
export function parseMallItem(input: unknown): Result<MallItem, 'INVALID_INPUT'> {
  const parsed = mallItemSchema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err('INVALID_INPUT', describeIssues(parsed.error.issues))
}

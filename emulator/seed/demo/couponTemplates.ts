import { type CouponTemplate, type CouponTemplateInput, couponTemplateSchema } from '@shared/coupon/template'

/**
 * The demo café chain's coupon templates, as an admin would write them: ¥5 off orders of ¥30, 8.5 折
 * capped at ¥10 for silver tiers and above, and a free Americano for joining. Tier ids are the demo
 * programme's.
 */
export const DEMO_COUPON_TEMPLATE_INPUTS: readonly CouponTemplateInput[] = [
  {
    id: 'five-off-thirty',
    title: '满 30 减 5 元',
    description: '全场饮品可用，每单限用一张',
    benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
    validity: { kind: 'afterIssue', days: 30 },
    totalQuantity: 10_000,
    perMemberLimit: 2,
    tierIds: [],
    claimWindow: null,
  },
  {
    id: 'fifteen-percent-off',
    title: '饮品 8.5 折',
    description: '最高优惠 10 元，银卡及以上会员专享',
    benefit: { kind: 'percentOff', payPercent: 85, maxDiscountFen: 1000, minSpendFen: 0 },
    validity: { kind: 'afterIssue', days: 14 },
    totalQuantity: null,
    perMemberLimit: 1,
    tierIds: ['silver', 'gold', 'black'],
    claimWindow: null,
  },
  {
    id: 'free-americano',
    title: '美式咖啡兑换券',
    description: '兑换中杯美式咖啡一杯',
    benefit: { kind: 'exchange', itemName: '中杯美式咖啡', valueFen: 2200 },
    validity: { kind: 'afterIssue', days: 7 },
    totalQuantity: null,
    perMemberLimit: 1,
    tierIds: [],
    claimWindow: null,
  },
]

/** The demo templates, validated when this module loads: a broken demo fails fast, not at the counter. */
export const DEMO_COUPON_TEMPLATES: readonly CouponTemplate[] = DEMO_COUPON_TEMPLATE_INPUTS.map((input) =>
  couponTemplateSchema.parse(input),
)

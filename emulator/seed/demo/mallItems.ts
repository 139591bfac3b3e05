import { type MallItem, type MallItemInput, mallItemSchema } from '@shared/mall/item'

/**
 * The demo café chain's points mall: a tote bag for everyone, a mug for black-card members only,
 * and a ¥5 coupon (the demo template `five-off-thirty`) for 100 points.
 */
export const DEMO_MALL_ITEM_INPUTS: readonly MallItemInput[] = [
  {
    id: 'item-five-off-coupon',
    title: '¥5 代金券',
    description: '兑换后放入卡券包：满 30 减 5 元，30 天内有效',
    image: null,
    kind: 'coupon',
    couponTemplateId: 'five-off-thirty',
    pointsPrice: 100,
    stock: 1000,
    perMemberLimit: 5,
    tierIds: [],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    status: 'onSale',
  },
  {
    id: 'item-tote-bag',
    title: '小满帆布袋',
    description: '到店出示取货码领取',
    image: null,
    kind: 'pickup',
    couponTemplateId: null,
    pointsPrice: 300,
    stock: 50,
    perMemberLimit: 1,
    tierIds: [],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    status: 'onSale',
  },
  {
    id: 'item-mug',
    title: '黑金限定马克杯',
    description: '黑金会员专享，到店出示取货码领取',
    image: null,
    kind: 'pickup',
    couponTemplateId: null,
    pointsPrice: 800,
    stock: 20,
    perMemberLimit: 1,
    tierIds: ['black'],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    status: 'onSale',
  },
]

/** The demo items, validated when this module loads: a broken demo fails fast. */
export const DEMO_MALL_ITEMS: readonly MallItem[] = DEMO_MALL_ITEM_INPUTS.map((input) => mallItemSchema.parse(input))

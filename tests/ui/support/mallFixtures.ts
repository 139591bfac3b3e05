import type {
  ClaimableTemplate,
  MallItemDetail,
  MallItemView,
  PickupOrderView,
  RedeemResult,
  WalletCoupon,
} from '@shared/contracts'

/** 1 May 2026, 10:00 in Shanghai. */
export const ISSUED_AT_MS = Date.UTC(2026, 4, 1, 2, 0)
const DAY_MS = 86_400_000

/** A mall item as the catalogue shows it to a member with enough points. */
export function itemOf(overrides: Partial<MallItemView> = {}): MallItemView {
  return {
    id: 'item-tote-bag',
    kind: 'pickup',
    title: '小满帆布袋',
    description: '到店出示取货码领取',
    image: null,
    pointsPrice: 300,
    stock: 50,
    perMemberLimit: 1,
    redeemedByMember: 0,
    tierIds: [],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    canRedeem: true,
    reason: null,
    affordable: true,
    ...overrides,
  }
}

/** The coupon item of the demo mall: ¥5 off ¥30 for 100 points. */
export function couponItemOf(overrides: Partial<MallItemView> = {}): MallItemView {
  return itemOf({
    id: 'item-five-off-coupon',
    kind: 'coupon',
    title: '¥5 代金券',
    description: '兑换后放入卡券包',
    pointsPrice: 100,
    stock: 1000,
    perMemberLimit: 5,
    ...overrides,
  })
}

/** An item's detail, for a member holding `balance` points. */
export function detailOf(item: MallItemView, balance = 1280): MallItemDetail {
  return {
    ...item,
    balance,
    couponTemplate:
      item.kind === 'coupon'
        ? {
            id: 'five-off-thirty',
            title: '满 30 减 5 元',
            description: '全场饮品可用',
            benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
            validity: { kind: 'afterIssue', days: 30 },
          }
        : null,
  }
}

/** A pickup order waiting at the counter. */
export function orderOf(overrides: Partial<PickupOrderView> = {}): PickupOrderView {
  return {
    id: 'order-1',
    itemId: 'item-tote-bag',
    title: '小满帆布袋',
    image: null,
    pointsSpent: 300,
    pickupCode: '48213906',
    status: 'awaitingPickup',
    createdAtMs: ISSUED_AT_MS,
    pickedUpAtMs: null,
    cancelledAtMs: null,
    cancelledBy: null,
    ...overrides,
  }
}

/** A coupon in the wallet: ¥5 off ¥30, 30 days from 1 May 2026. */
export function couponOf(overrides: Partial<WalletCoupon> = {}): WalletCoupon {
  return {
    id: 'coupon-1',
    templateId: 'five-off-thirty',
    title: '满 30 减 5 元',
    description: '全场饮品可用，每单限用一张',
    benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
    validFromMs: ISSUED_AT_MS,
    // Midnight in Shanghai at the end of 30 May: the last usable minute is 23:59 on the 30th.
    validUntilMs: Date.UTC(2026, 4, 30, 16, 0),
    state: 'available',
    usedAtMs: null,
    source: 'claim',
    issuedAtMs: ISSUED_AT_MS,
    storeIds: [],
    ...overrides,
  }
}

/** The three demo templates as the claim centre shows them. */
export function templatesOf(): ClaimableTemplate[] {
  return [
    {
      templateId: 'five-off-thirty',
      title: '满 30 减 5 元',
      description: null,
      benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
      validity: { kind: 'afterIssue', days: 30 },
      remaining: 9_998,
      perMemberLimit: 2,
      claimedByMember: 1,
      tierIds: [],
      canClaim: true,
      reason: null,
    },
    {
      templateId: 'fifteen-percent-off',
      title: '饮品 8.5 折',
      description: null,
      benefit: { kind: 'percentOff', payPercent: 85, maxDiscountFen: 1000, minSpendFen: 0 },
      validity: { kind: 'afterIssue', days: 14 },
      remaining: null,
      perMemberLimit: 1,
      claimedByMember: 0,
      tierIds: ['gold', 'black'],
      canClaim: false,
      reason: 'TIER_REQUIRED',
    },
    {
      templateId: 'free-americano',
      title: '美式咖啡兑换券',
      description: null,
      benefit: { kind: 'exchange', itemName: '美式咖啡', valueFen: 2200 },
      validity: { kind: 'afterIssue', days: 7 },
      remaining: 0,
      perMemberLimit: 1,
      claimedByMember: 0,
      tierIds: [],
      canClaim: false,
      reason: 'SOLD_OUT',
    },
  ]
}

/** What `mall.redeem` answers for a pickup gift. */
export function pickupRedemption(overrides: Partial<RedeemResult> = {}): RedeemResult {
  return {
    replayed: false,
    itemId: 'item-tote-bag',
    pointsSpent: 300,
    balance: 980,
    redemption: { kind: 'pickup', order: orderOf() },
    ...overrides,
  }
}

/** What `mall.redeem` answers for a coupon item. */
export function couponRedemption(): RedeemResult {
  return {
    replayed: false,
    itemId: 'item-five-off-coupon',
    pointsSpent: 100,
    balance: 1180,
    redemption: { kind: 'coupon', coupon: couponOf({ id: 'coupon-9', source: 'redeem' }) },
  }
}

/** `days` after the fixtures' issue instant. */
export function daysAfterIssue(days: number): number {
  return ISSUED_AT_MS + days * DAY_MS
}

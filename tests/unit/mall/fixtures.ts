import { EMPTY_WALLET, earnPoints, type PointsWallet } from '@shared/ledger'
import { type MallItem, mallItemSchema } from '@shared/mall'
import type { Member } from '@shared/member'

export const DAY_MS = 86_400_000
/** Noon on 2026-11-24 in Shanghai. */
export const T = Date.UTC(2026, 10, 24, 4)

/** A wallet holding the given lots, earned in order. */
export function walletWith(
  lots: readonly { readonly amount: number; readonly expiresAtMs: number | null }[],
): PointsWallet {
  return lots.reduce((wallet, lot) => earnPoints(wallet, lot).wallet, EMPTY_WALLET)
}

/** A silver member with the given points. */
export function memberWith(points: PointsWallet): Member {
  return {
    _id: 'm1',
    openid: 'o-m1',
    joinedAtMs: T - 100 * DAY_MS,
    joinedStoreId: null,
    referrerMemberId: null,
    profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
    profileCompletionRewarded: false,
    tierId: 'silver',
    growth: 120,
    periodAnchorDay: '2026-08-16',
    points,
    checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
    firstPurchaseAtMs: null,
  }
}

/** A pickup gift on sale for every tier: 300 points, one per member unless overridden. */
export function itemWith(overrides: Partial<MallItem> = {}): MallItem {
  return mallItemSchema.parse({
    id: 'tote',
    title: '帆布袋',
    image: null,
    kind: 'pickup',
    couponTemplateId: null,
    pointsPrice: 300,
    stock: 10,
    perMemberLimit: 1,
    tierIds: [],
    saleStartsAtMs: null,
    saleEndsAtMs: null,
    status: 'onSale',
    ...overrides,
  })
}

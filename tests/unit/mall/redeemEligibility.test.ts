import { isOnSale, redeemEligibility, tierMayRedeem } from '@shared/mall'

const T = Date.UTC(2026, 10, 24, 4)

const item = {
  status: 'onSale' as const,
  saleStartsAtMs: T,
  saleEndsAtMs: T + 1000,
  tierIds: ['gold', 'black'],
  perMemberLimit: 2,
  pointsPrice: 300,
}
const eligible = { item, tierId: 'gold', redeemedByMember: 1, stock: 1, usableBalance: 300, nowMs: T }

describe('isOnSale', () => {
  it.each([
    ['at the start', T, true],
    ['just before the end', T + 999, true],
    ['before the start', T - 1, false],
    ['at the end', T + 1000, false],
  ])('is %s: %s', (_case, nowMs, expected) => {
    expect(isOnSale(item, nowMs)).toBe(expected)
  })

  it('is never on sale when withdrawn, and always within an open-ended window', () => {
    expect(isOnSale({ ...item, status: 'offSale' }, T)).toBe(false)
    expect(isOnSale({ status: 'onSale', saleStartsAtMs: null, saleEndsAtMs: null }, 0)).toBe(true)
  })
})

describe('tierMayRedeem', () => {
  it('admits listed tiers, or every tier when none is listed', () => {
    expect(tierMayRedeem(item, 'black')).toBe(true)
    expect(tierMayRedeem(item, 'silver')).toBe(false)
    expect(tierMayRedeem({ tierIds: [] }, 'regular')).toBe(true)
  })
})

describe('redeemEligibility', () => {
  it('lets an eligible member redeem', () => {
    expect(redeemEligibility(eligible)).toEqual({ ok: true, data: undefined })
  })

  it('ignores the limit when there is none', () => {
    expect(
      redeemEligibility({ ...eligible, item: { ...item, perMemberLimit: null }, redeemedByMember: 99 }),
    ).toMatchObject({
      ok: true,
    })
  })

  // One row per code, in precedence order: each row breaks its own rule and every rule after it.
  it.each([
    ['NOT_ON_SALE', { nowMs: T - 1, tierId: 'silver', redeemedByMember: 2, stock: 0, usableBalance: 0 }],
    ['TIER_REQUIRED', { tierId: 'silver', redeemedByMember: 2, stock: 0, usableBalance: 0 }],
    ['LIMIT_REACHED', { redeemedByMember: 2, stock: 0, usableBalance: 0 }],
    ['OUT_OF_STOCK', { stock: 0, usableBalance: 0 }],
    ['POINTS_INSUFFICIENT', { usableBalance: 299 }],
  ])('answers %s first', (code, change) => {
    expect(redeemEligibility({ ...eligible, ...change })).toMatchObject({ ok: false, code })
  })

  it('says how many points are missing and what the limit is', () => {
    expect(redeemEligibility({ ...eligible, usableBalance: 120 })).toMatchObject({
      message: '积分不足：可用 120 积分，需要 300 积分',
    })
    expect(redeemEligibility({ ...eligible, redeemedByMember: 2 })).toMatchObject({
      message: '已达到上限：每人限兑 2 件',
    })
  })
})

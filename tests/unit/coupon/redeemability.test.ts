import { type IssuedCoupon, redeemability } from '@shared/coupon'

const T = Date.UTC(2026, 10, 24, 4)
const coupon: IssuedCoupon = { validFromMs: T, validUntilMs: T + 10_000, usedAtMs: null }
const used: IssuedCoupon = { ...coupon, usedAtMs: T + 1 }

describe('redeemability', () => {
  it.each([
    ['a used coupon, even after it has expired', used, T + 20_000, 'COUPON_USED'],
    ['a used coupon, even before its window (data from an earlier window)', used, T - 1, 'COUPON_USED'],
    ['an unused coupon exactly at validUntil', coupon, T + 10_000, 'COUPON_EXPIRED'],
    ['an unused coupon one millisecond before validFrom', coupon, T - 1, 'COUPON_NOT_STARTED'],
  ] as const)('refuses %s with %s', (_, subject, nowMs, code) => {
    expect(redeemability({ coupon: subject, nowMs })).toMatchObject({ ok: false, code })
  })

  it.each([
    ['exactly at validFrom', T],
    ['one millisecond before validUntil', T + 9_999],
  ])('accepts an unused coupon %s', (_, nowMs) => {
    expect(redeemability({ coupon, nowMs })).toEqual({ ok: true, data: undefined })
  })

  it('reads the catalogue message for the member', () => {
    expect(redeemability({ coupon, nowMs: T + 10_000 })).toEqual({
      ok: false,
      code: 'COUPON_EXPIRED',
      message: '优惠券已过期',
    })
  })
})

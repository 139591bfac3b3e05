import { couponStateAt, type IssuedCoupon, sortWallet } from '@shared/coupon'

const T = Date.UTC(2026, 10, 24, 4)
const coupon: IssuedCoupon = { validFromMs: T, validUntilMs: T + 10_000, usedAtMs: null }

describe('couponStateAt', () => {
  it.each([
    ['not yet valid one millisecond before it starts', T - 1, 'notYetValid'],
    ['available exactly when it starts', T, 'available'],
    ['available one millisecond before it ends', T + 9_999, 'available'],
    ['expired exactly at validUntil', T + 10_000, 'expired'],
    ['expired long after', T + 1e12, 'expired'],
  ] as const)('is %s', (_, nowMs, state) => {
    expect(couponStateAt({ coupon, nowMs })).toBe(state)
  })

  it('is used once verified, before, during and after its window: used wins over expired', () => {
    const used = { ...coupon, usedAtMs: T + 5 }
    for (const nowMs of [T - 1, T + 5, T + 10_000, T + 1e9]) expect(couponStateAt({ coupon: used, nowMs })).toBe('used')
  })
})

describe('sortWallet', () => {
  const wallet = [
    { id: 'expired-long-ago', validFromMs: T - 100, validUntilMs: T - 50, usedAtMs: null },
    { id: 'used-earlier', validFromMs: T - 100, validUntilMs: T + 100, usedAtMs: T - 90 },
    { id: 'available-later', validFromMs: T - 10, validUntilMs: T + 300, usedAtMs: null },
    { id: 'starts-later', validFromMs: T + 50, validUntilMs: T + 400, usedAtMs: null },
    { id: 'expired-just-now', validFromMs: T - 100, validUntilMs: T, usedAtMs: null },
    { id: 'starts-soon', validFromMs: T + 20, validUntilMs: T + 500, usedAtMs: null },
    { id: 'available-sooner', validFromMs: T - 10, validUntilMs: T + 200, usedAtMs: null },
    { id: 'used-recently', validFromMs: T - 100, validUntilMs: T - 1, usedAtMs: T - 10 },
  ]

  it('lists available (soonest to expire first), not yet valid, used (latest first), expired (latest first)', () => {
    expect(sortWallet(wallet, T).map((entry) => [entry.coupon.id, entry.state])).toEqual([
      ['available-sooner', 'available'],
      ['available-later', 'available'],
      ['starts-soon', 'notYetValid'],
      ['starts-later', 'notYetValid'],
      ['used-recently', 'used'],
      ['used-earlier', 'used'],
      ['expired-just-now', 'expired'],
      ['expired-long-ago', 'expired'],
    ])
  })

  it('shows a coupon as expired the moment its window ends, without anything rewriting it', () => {
    const entries = sortWallet(wallet, T + 200)
    expect(entries.find((entry) => entry.coupon.id === 'available-sooner')?.state).toBe('expired')
    expect(entries[0]?.coupon.id).toBe('available-later')
  })

  it('breaks ties between not-yet-valid coupons by expiry, and keeps the given order for exact ties', () => {
    const sameStart = [
      { id: 'b', validFromMs: T + 10, validUntilMs: T + 300, usedAtMs: null },
      { id: 'a', validFromMs: T + 10, validUntilMs: T + 200, usedAtMs: null },
      { id: 'c', validFromMs: T + 10, validUntilMs: T + 300, usedAtMs: null },
    ]
    expect(sortWallet(sameStart, T).map((entry) => entry.coupon.id)).toEqual(['a', 'b', 'c'])
  })

  it('leaves the input untouched and handles an empty wallet', () => {
    const copy = [...wallet]
    sortWallet(wallet, T)
    expect(wallet).toEqual(copy)
    expect(sortWallet([], T)).toEqual([])
  })
})

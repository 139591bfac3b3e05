import { NO_PURCHASES, purchaseSummaryOf, withoutPurchase, withPurchase } from '@shared/member'
import { memberNamed } from '../staff/staffFixtures'

const DAY_MS = 86_400_000
const T = Date.UTC(2026, 10, 1)

describe('purchase summary', () => {
  it('reads a member without one as no purchases', () => {
    expect(purchaseSummaryOf(memberNamed('m-1'))).toEqual(NO_PURCHASES)
  })

  it('counts purchases and keeps the last two instants, whatever order they come in', () => {
    const once = withPurchase(NO_PURCHASES, 1000, T)
    expect(once).toEqual({ count: 1, amountFen: 1000, lastAtMs: T, previousAtMs: null, sinceMs: T })
    const twice = withPurchase(once, 500, T + DAY_MS)
    expect(twice).toEqual({ count: 2, amountFen: 1500, lastAtMs: T + DAY_MS, previousAtMs: T, sinceMs: T })
    // A purchase recorded late (an approval) lands between the two it falls between.
    const late = withPurchase(twice, 200, T + DAY_MS / 2)
    expect(late).toMatchObject({ count: 3, lastAtMs: T + DAY_MS, previousAtMs: T + DAY_MS / 2, sinceMs: T })
  })

  it('takes back a reversed purchase and forgets its instant', () => {
    const twice = withPurchase(withPurchase(NO_PURCHASES, 1000, T), 500, T + DAY_MS)
    expect(withoutPurchase(twice, 500, T + DAY_MS)).toEqual({
      count: 1,
      amountFen: 1000,
      lastAtMs: T,
      previousAtMs: null,
      sinceMs: T,
    })
    expect(withoutPurchase(twice, 1000, T)).toEqual({
      count: 1,
      amountFen: 500,
      lastAtMs: T + DAY_MS,
      previousAtMs: null,
      sinceMs: T,
    })
    const three = withPurchase(twice, 300, T + 2 * DAY_MS)
    expect(withoutPurchase(three, 1000, T)).toMatchObject({ count: 2, amountFen: 800, previousAtMs: T + DAY_MS })
  })

  it('leaves alone a reversal of a purchase from before it counted', () => {
    const summary = withPurchase(NO_PURCHASES, 1000, T)
    expect(withoutPurchase(summary, 700, T - DAY_MS)).toBe(summary)
    expect(withoutPurchase(NO_PURCHASES, 700, T)).toBe(NO_PURCHASES)
  })
})

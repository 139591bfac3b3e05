import { EMPTY_WALLET, earnPoints, spendPoints, walletProblems } from '@shared/ledger'
import { refundSpend } from '@shared/mall'
import fc from 'fast-check'

const T = Date.UTC(2026, 10, 24, 4)
const SOON = T + 86_400_000
const LATER = T + 10 * 86_400_000
const FALLBACK = T + 400 * 86_400_000

function walletWith(lots: readonly { amount: number; expiresAtMs: number | null }[]) {
  return lots.reduce((wallet, lot) => earnPoints(wallet, lot).wallet, EMPTY_WALLET)
}

describe('refundSpend', () => {
  it('gives each point back to the lot it was spent from', () => {
    const before = walletWith([
      { amount: 100, expiresAtMs: SOON },
      { amount: 500, expiresAtMs: LATER },
    ])
    const spent = spendPoints(before, { amount: 300, nowMs: T })
    if (!spent.ok) throw new Error(spent.message)
    const refunded = refundSpend(spent.data.wallet, {
      spentLotChanges: spent.data.lotChanges,
      nowMs: T,
      fallbackExpiresAtMs: FALLBACK,
    })
    expect(refunded.wallet).toEqual(before)
    expect(refunded.lotChanges).toEqual([
      { expiresAtMs: SOON, delta: 100 },
      { expiresAtMs: LATER, delta: 200 },
    ])
  })

  it('gives points from a lot that has lapsed since the fallback expiry, merged with a lot of the same expiry', () => {
    const refunded = refundSpend(walletWith([{ amount: 50, expiresAtMs: FALLBACK }]), {
      spentLotChanges: [
        { expiresAtMs: SOON, delta: -100 },
        { expiresAtMs: FALLBACK, delta: -20 },
        { expiresAtMs: null, delta: -5 },
      ],
      nowMs: SOON,
      fallbackExpiresAtMs: FALLBACK,
    })
    expect(refunded.lotChanges).toEqual([
      { expiresAtMs: FALLBACK, delta: 120 },
      { expiresAtMs: null, delta: 5 },
    ])
    expect(refunded.wallet).toEqual({
      balance: 175,
      lots: [
        { expiresAtMs: FALLBACK, amount: 170 },
        { expiresAtMs: null, amount: 5 },
      ],
    })
  })

  it('refuses to refund anything but a spend', () => {
    expect(() =>
      refundSpend(EMPTY_WALLET, {
        spentLotChanges: [{ expiresAtMs: null, delta: 5 }],
        nowMs: T,
        fallbackExpiresAtMs: null,
      }),
    ).toThrow(RangeError)
  })

  it('always gives back exactly what was spent, leaving a sound wallet', () => {
    const lot = fc.record({
      amount: fc.integer({ min: 1, max: 1000 }),
      expiresAtMs: fc.option(fc.integer({ min: T - 5, max: T + 5 }), { nil: null }),
    })
    fc.assert(
      fc.property(
        fc.array(lot, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 10 }),
        (lots, amount, laterMs) => {
          const wallet = walletWith(lots)
          const spent = spendPoints(wallet, { amount, nowMs: T - 6 })
          if (!spent.ok) return
          const refunded = refundSpend(spent.data.wallet, {
            spentLotChanges: spent.data.lotChanges,
            nowMs: T - 6 + laterMs,
            fallbackExpiresAtMs: null,
          })
          expect(refunded.wallet.balance).toBe(wallet.balance)
          expect(refunded.lotChanges.reduce((sum, change) => sum + change.delta, 0)).toBe(amount)
          expect(walletProblems(refunded.wallet)).toEqual([])
        },
      ),
    )
  })
})

import { EMPTY_WALLET, earnPoints, walletProblems } from '@shared/ledger'

const DAY_MS = 86_400_000
const T = Date.UTC(2026, 10, 24, 4)

describe('earnPoints', () => {
  it('opens a lot for a new expiry and reports the change for the ledger entry', () => {
    const { wallet, lotChanges } = earnPoints(EMPTY_WALLET, { amount: 88, expiresAtMs: T })
    expect(wallet).toEqual({ balance: 88, lots: [{ expiresAtMs: T, amount: 88 }] })
    expect(lotChanges).toEqual([{ expiresAtMs: T, delta: 88 }])
  })

  it('merges points with the same expiry instant into one lot', () => {
    const first = earnPoints(EMPTY_WALLET, { amount: 10, expiresAtMs: T })
    const second = earnPoints(first.wallet, { amount: 5, expiresAtMs: T })
    expect(second.wallet).toEqual({ balance: 15, lots: [{ expiresAtMs: T, amount: 15 }] })
    expect(second.lotChanges).toEqual([{ expiresAtMs: T, delta: 5 }])
  })

  it('keeps lots sorted by expiry with never-expiring points last', () => {
    let wallet = earnPoints(EMPTY_WALLET, { amount: 1, expiresAtMs: null }).wallet
    wallet = earnPoints(wallet, { amount: 2, expiresAtMs: T + DAY_MS }).wallet
    wallet = earnPoints(wallet, { amount: 3, expiresAtMs: T }).wallet
    expect(wallet.lots).toEqual([
      { expiresAtMs: T, amount: 3 },
      { expiresAtMs: T + DAY_MS, amount: 2 },
      { expiresAtMs: null, amount: 1 },
    ])
    expect(walletProblems(wallet)).toEqual([])
  })

  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('throws for an amount of %p points', (amount) => {
    expect(() => earnPoints(EMPTY_WALLET, { amount, expiresAtMs: T })).toThrow(RangeError)
  })

  it('throws for an expiry that is not whole milliseconds', () => {
    expect(() => earnPoints(EMPTY_WALLET, { amount: 1, expiresAtMs: T + 0.5 })).toThrow(RangeError)
    expect(() => earnPoints(EMPTY_WALLET, { amount: 1, expiresAtMs: Number.POSITIVE_INFINITY })).toThrow(RangeError)
  })
})

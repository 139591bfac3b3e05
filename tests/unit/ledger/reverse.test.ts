import { EMPTY_WALLET, earnPoints, type PointsWallet, reverseEarn, spendPoints } from '@shared/ledger'

const DAY_MS = 86_400_000
const T = Date.UTC(2026, 10, 24, 4)

function spend(wallet: PointsWallet, amount: number, nowMs = T): PointsWallet {
  const spent = spendPoints(wallet, { amount, nowMs })
  if (!spent.ok) throw new Error(spent.message)
  return spent.data.wallet
}

// An older lot (expiring first), then a purchase that earned 100 points expiring later.
const older = earnPoints(EMPTY_WALLET, { amount: 40, expiresAtMs: T + DAY_MS }).wallet
const purchase = earnPoints(older, { amount: 100, expiresAtMs: T + 30 * DAY_MS })

describe('reverseEarn', () => {
  it('takes back exactly what the earning gave, from the lot it created', () => {
    const outcome = reverseEarn(purchase.wallet, { sourceLotChanges: purchase.lotChanges, nowMs: T })
    expect(outcome).toEqual({
      wallet: older,
      lotChanges: [{ expiresAtMs: T + 30 * DAY_MS, delta: -100 }],
      takenBack: 100,
      shortfall: 0,
    })
  })

  it('takes the rest from other usable lots, earliest first, when the source lot was partly spent', () => {
    // Spending 120 empties the older lot (40) and takes 80 of the purchase's 100.
    const afterSpending = spend(purchase.wallet, 120)
    const withMore = earnPoints(afterSpending, { amount: 50, expiresAtMs: T + 10 * DAY_MS }).wallet
    const outcome = reverseEarn(withMore, { sourceLotChanges: purchase.lotChanges, nowMs: T })
    expect(outcome.lotChanges).toEqual([
      { expiresAtMs: T + 10 * DAY_MS, delta: -50 },
      { expiresAtMs: T + 30 * DAY_MS, delta: -20 },
    ])
    expect(outcome).toMatchObject({ takenBack: 70, shortfall: 30, wallet: { balance: 0, lots: [] } })
  })

  it('records the whole amount as shortfall when everything was spent, never going below zero', () => {
    const outcome = reverseEarn(spend(purchase.wallet, 140), { sourceLotChanges: purchase.lotChanges, nowMs: T })
    expect(outcome).toEqual({ wallet: { balance: 0, lots: [] }, lotChanges: [], takenBack: 0, shortfall: 100 })
  })

  it('falls back to other lots, earliest first, when the source lot has gone', () => {
    const wallet: PointsWallet = {
      balance: 90,
      lots: [
        { expiresAtMs: T + DAY_MS, amount: 30 },
        { expiresAtMs: T + 2 * DAY_MS, amount: 60 },
      ],
    }
    const outcome = reverseEarn(wallet, { sourceLotChanges: [{ expiresAtMs: null, delta: 50 }], nowMs: T })
    expect(outcome.lotChanges).toEqual([
      { expiresAtMs: T + DAY_MS, delta: -30 },
      { expiresAtMs: T + 2 * DAY_MS, delta: -20 },
    ])
    expect(outcome).toMatchObject({ takenBack: 50, shortfall: 0, wallet: { balance: 40 } })
  })

  it('never touches an expired lot, even the source’s own, so the expiry run still writes it off', () => {
    const atExpiry = T + 30 * DAY_MS
    const outcome = reverseEarn(purchase.wallet, { sourceLotChanges: purchase.lotChanges, nowMs: atExpiry })
    expect(outcome).toMatchObject({ takenBack: 0, shortfall: 100, lotChanges: [] })
    expect(outcome.wallet).toEqual(purchase.wallet)
  })

  it('takes back from the source lot even when other earnings were merged into it', () => {
    const merged = earnPoints(purchase.wallet, { amount: 7, expiresAtMs: T + 30 * DAY_MS }).wallet
    const outcome = reverseEarn(merged, { sourceLotChanges: purchase.lotChanges, nowMs: T })
    expect(outcome.wallet.lots).toEqual([
      { expiresAtMs: T + DAY_MS, amount: 40 },
      { expiresAtMs: T + 30 * DAY_MS, amount: 7 },
    ])
  })

  it('takes nothing back for an earning with no lot changes', () => {
    expect(reverseEarn(purchase.wallet, { sourceLotChanges: [], nowMs: T })).toEqual({
      wallet: purchase.wallet,
      lotChanges: [],
      takenBack: 0,
      shortfall: 0,
    })
  })

  it.each([0, -10, 1.5])('throws when a source lot change is %p, since only earnings can be reversed', (delta) => {
    expect(() =>
      reverseEarn(purchase.wallet, { sourceLotChanges: [{ expiresAtMs: T + 30 * DAY_MS, delta }], nowMs: T }),
    ).toThrow(RangeError)
  })
})

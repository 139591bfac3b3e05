import { EMPTY_WALLET, earnPoints, type PointsWallet, spendPoints } from '@shared/ledger'
import { decideExpiry, expiryEntryIdOf } from '@shared/member'
import fc from 'fast-check'

const T = Date.UTC(2026, 11, 31, 16)
const DAY = 86_400_000

const total = (entries: readonly { amount: number }[]) => entries.reduce((sum, entry) => sum + entry.amount, 0)

function walletOf(...earnings: { amount: number; expiresAtMs: number | null }[]): PointsWallet {
  return earnings.reduce((wallet, earning) => earnPoints(wallet, earning).wallet, EMPTY_WALLET)
}

describe('decideExpiry', () => {
  it('decides nothing while every lot is usable, up to the instant itself', () => {
    const member = { _id: 'm1', points: walletOf({ amount: 10, expiresAtMs: T }, { amount: 5, expiresAtMs: null }) }
    expect(decideExpiry(member, T - 1)).toBeNull()
    expect(decideExpiry(member, T)).not.toBeNull()
  })

  it('writes each expired lot off in its own entry, dated at the lot’s instant, keyed by member and lot', () => {
    const member = {
      _id: 'm1',
      points: walletOf(
        { amount: 10, expiresAtMs: T },
        { amount: 20, expiresAtMs: T + DAY },
        { amount: 5, expiresAtMs: null },
      ),
    }
    const decided = decideExpiry(member, T + DAY)
    expect(decided?.points).toEqual({ balance: 5, lots: [{ expiresAtMs: null, amount: 5 }] })
    expect(decided?.expired).toBe(30)
    expect(
      decided?.entries.map(({ _id, type, amount, balanceAfter, createdAtMs }) => ({
        _id,
        type,
        amount,
        balanceAfter,
        createdAtMs,
      })),
    ).toEqual([
      { _id: expiryEntryIdOf('m1', T), type: 'expire', amount: -10, balanceAfter: 25, createdAtMs: T },
      { _id: expiryEntryIdOf('m1', T + DAY), type: 'expire', amount: -20, balanceAfter: 5, createdAtMs: T + DAY },
    ])
  })

  it('leaves a wallet the entries explain: old balance + entries = new balance, and a second run decides nothing', () => {
    const lot = fc.record({
      amount: fc.integer({ min: 1, max: 10_000 }),
      expiresAtMs: fc.option(fc.integer({ min: T - 5 * DAY, max: T + 5 * DAY }), { nil: null }),
    })
    fc.assert(
      fc.property(
        fc.array(lot, { maxLength: 8 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -6, max: 6 }),
        (lots, spend, day) => {
          let wallet = walletOf(...lots)
          if (spend > 0) {
            const spent = spendPoints(wallet, { amount: spend, nowMs: T - 6 * DAY })
            if (spent.ok) wallet = spent.data.wallet
          }
          const nowMs = T + day * DAY
          const decided = decideExpiry({ _id: 'm1', points: wallet }, nowMs)
          if (decided === null) return
          expect(wallet.balance + total(decided.entries)).toBe(decided.points.balance)
          expect(decided.expired).toBe(-total(decided.entries))
          expect(decided.points.lots.every((kept) => kept.expiresAtMs === null || kept.expiresAtMs > nowMs)).toBe(true)
          expect(decideExpiry({ _id: 'm1', points: decided.points }, nowMs)).toBeNull()
        },
      ),
    )
  })
})

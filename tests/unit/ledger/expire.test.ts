import { expirePoints } from '@shared/ledger'
import { DAY_MS, T, threeLotWallet } from './fixtures'

const wallet = threeLotWallet

describe('expirePoints', () => {
  it('leaves a lot alone one millisecond before its expiry', () => {
    expect(expirePoints(wallet, T + DAY_MS - 1)).toEqual({ wallet, expired: 0, lotChanges: [] })
  })

  it('writes a lot off at exactly its expiry instant', () => {
    expect(expirePoints(wallet, T + DAY_MS)).toEqual({
      wallet: {
        balance: 50,
        lots: [
          { expiresAtMs: T + 2 * DAY_MS, amount: 20 },
          { expiresAtMs: null, amount: 30 },
        ],
      },
      expired: 10,
      lotChanges: [{ expiresAtMs: T + DAY_MS, delta: -10 }],
    })
  })

  it('writes off every overdue lot at once but never the never-expiring points', () => {
    const outcome = expirePoints(wallet, T + 400 * DAY_MS)
    expect(outcome.expired).toBe(30)
    expect(outcome.wallet).toEqual({ balance: 30, lots: [{ expiresAtMs: null, amount: 30 }] })
    expect(outcome.lotChanges).toEqual([
      { expiresAtMs: T + DAY_MS, delta: -10 },
      { expiresAtMs: T + 2 * DAY_MS, delta: -20 },
    ])
  })

  it('changes nothing when run twice for the same instant', () => {
    const once = expirePoints(wallet, T + 2 * DAY_MS)
    expect(expirePoints(once.wallet, T + 2 * DAY_MS)).toEqual({ wallet: once.wallet, expired: 0, lotChanges: [] })
  })
})

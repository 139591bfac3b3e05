import { spendPoints } from '@shared/ledger'
import { DAY_MS, T, threeLotWallet } from './fixtures'

const wallet = threeLotWallet

describe('spendPoints', () => {
  it('takes from the earliest-expiring lot first, then the next', () => {
    const spent = spendPoints(wallet, { amount: 25, nowMs: T })
    expect(spent).toEqual({
      ok: true,
      data: {
        wallet: {
          balance: 35,
          lots: [
            { expiresAtMs: T + 2 * DAY_MS, amount: 5 },
            { expiresAtMs: null, amount: 30 },
          ],
        },
        lotChanges: [
          { expiresAtMs: T + DAY_MS, delta: -10 },
          { expiresAtMs: T + 2 * DAY_MS, delta: -15 },
        ],
      },
    })
  })

  it('reaches never-expiring points last and can spend everything', () => {
    const spent = spendPoints(wallet, { amount: 60, nowMs: T })
    expect(spent.ok && spent.data.wallet).toEqual({ balance: 0, lots: [] })
    expect(spent.ok && spent.data.lotChanges.at(-1)).toEqual({ expiresAtMs: null, delta: -30 })
  })

  it('still uses a lot one millisecond before its expiry', () => {
    const spent = spendPoints(wallet, { amount: 60, nowMs: T + DAY_MS - 1 })
    expect(spent.ok).toBe(true)
  })

  it('skips a lot at exactly its expiry instant, leaving it for the expiry run', () => {
    const spent = spendPoints(wallet, { amount: 5, nowMs: T + DAY_MS })
    expect(spent.ok && spent.data.lotChanges).toEqual([{ expiresAtMs: T + 2 * DAY_MS, delta: -5 }])
    expect(spent.ok && spent.data.wallet.lots[0]).toEqual({ expiresAtMs: T + DAY_MS, amount: 10 })
  })

  it('refuses with POINTS_INSUFFICIENT when the usable points fall short, counting expired lots out', () => {
    const spent = spendPoints(wallet, { amount: 51, nowMs: T + DAY_MS })
    expect(spent).toMatchObject({ ok: false, code: 'POINTS_INSUFFICIENT' })
    expect(!spent.ok && spent.message).toContain('可用 50 积分，需要 51 积分')
  })

  it('refuses when the wallet is empty', () => {
    expect(spendPoints({ balance: 0, lots: [] }, { amount: 1, nowMs: T })).toMatchObject({
      ok: false,
      code: 'POINTS_INSUFFICIENT',
    })
  })

  it.each([0, -3, 2.5])('throws for an amount of %p points', (amount) => {
    expect(() => spendPoints(wallet, { amount, nowMs: T })).toThrow(RangeError)
  })
})

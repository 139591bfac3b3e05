import {
  applyLotChanges,
  EMPTY_WALLET,
  type PointsWallet,
  walletBalanceMatchesLots,
  walletProblems,
} from '@shared/ledger'
import { DAY_MS, T, threeLotWallet } from './fixtures'

const wallet = threeLotWallet

describe('EMPTY_WALLET', () => {
  it('has no points and no lots, and is sound', () => {
    expect(EMPTY_WALLET).toEqual({ balance: 0, lots: [] })
    expect(walletProblems(EMPTY_WALLET)).toEqual([])
  })
})

describe('walletBalanceMatchesLots', () => {
  it('holds when the balance is the sum of the lots', () => {
    expect(walletBalanceMatchesLots(wallet)).toBe(true)
  })

  it('fails when the balance drifted from the lots', () => {
    expect(walletBalanceMatchesLots({ ...wallet, balance: 61 })).toBe(false)
  })
})

describe('walletProblems', () => {
  it('finds nothing wrong with a sound wallet', () => {
    expect(walletProblems(wallet)).toEqual([])
  })

  it.each<[string, PointsWallet, RegExp]>([
    ['a negative balance', { balance: -5, lots: [] }, /balance must be a non-negative integer/],
    ['a fractional balance', { balance: 1.5, lots: [{ expiresAtMs: null, amount: 1.5 }] }, /balance must be/],
    ['an empty lot', { balance: 0, lots: [{ expiresAtMs: T, amount: 0 }] }, /lot 0 amount must be a positive/],
    ['a fractional expiry', { balance: 1, lots: [{ expiresAtMs: T + 0.5, amount: 1 }] }, /lot 0 expiry must be whole/],
    [
      'lots out of order',
      {
        balance: 2,
        lots: [
          { expiresAtMs: T + DAY_MS, amount: 1 },
          { expiresAtMs: T, amount: 1 },
        ],
      },
      /lot 1 is not after lot 0/,
    ],
    [
      'two lots with the same expiry',
      {
        balance: 2,
        lots: [
          { expiresAtMs: T, amount: 1 },
          { expiresAtMs: T, amount: 1 },
        ],
      },
      /lot 1 is not after lot 0/,
    ],
    [
      'a never-expiring lot before an expiring one',
      {
        balance: 2,
        lots: [
          { expiresAtMs: null, amount: 1 },
          { expiresAtMs: T, amount: 1 },
        ],
      },
      /lot 1 is not after lot 0/,
    ],
    [
      'a balance that differs from the lots',
      { ...wallet, balance: 59 },
      /balance 59 differs from the sum of the lots 60/,
    ],
  ])('reports %s', (_, broken, problem) => {
    expect(walletProblems(broken)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]))
  })
})

describe('applyLotChanges', () => {
  it('merges a change into the lot with the same expiry and moves the balance', () => {
    expect(applyLotChanges(wallet, [{ expiresAtMs: T + DAY_MS, delta: 5 }])).toEqual({
      balance: 65,
      lots: [
        { expiresAtMs: T + DAY_MS, amount: 15 },
        { expiresAtMs: T + 2 * DAY_MS, amount: 20 },
        { expiresAtMs: null, amount: 30 },
      ],
    })
  })

  it('inserts a new expiry in order, never-expiring still last', () => {
    const after = applyLotChanges(wallet, [{ expiresAtMs: T + 3 * DAY_MS, delta: 4 }])
    expect(after.lots.map((lot) => lot.expiresAtMs)).toEqual([T + DAY_MS, T + 2 * DAY_MS, T + 3 * DAY_MS, null])
    expect(walletProblems(after)).toEqual([])
  })

  it('drops a lot that a change empties', () => {
    expect(applyLotChanges(wallet, [{ expiresAtMs: null, delta: -30 }])).toEqual({
      balance: 30,
      lots: [
        { expiresAtMs: T + DAY_MS, amount: 10 },
        { expiresAtMs: T + 2 * DAY_MS, amount: 20 },
      ],
    })
  })

  it('leaves the original wallet untouched', () => {
    applyLotChanges(wallet, [{ expiresAtMs: null, delta: -30 }])
    expect(wallet.lots).toHaveLength(3)
    expect(wallet.balance).toBe(60)
  })

  it('throws when a lot would go negative or a delta is not whole', () => {
    expect(() => applyLotChanges(wallet, [{ expiresAtMs: T + DAY_MS, delta: -11 }])).toThrow(RangeError)
    expect(() => applyLotChanges(wallet, [{ expiresAtMs: T + 9 * DAY_MS, delta: -1 }])).toThrow(RangeError)
    expect(() => applyLotChanges(wallet, [{ expiresAtMs: null, delta: 0.5 }])).toThrow(RangeError)
  })
})

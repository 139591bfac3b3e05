import {
  draftEntry,
  EMPTY_WALLET,
  earnPoints,
  expirePoints,
  type LedgerEntryContext,
  type LedgerEntryType,
  reverseEarn,
  spendPoints,
  sumOfEntries,
  walletFromEntries,
} from '@shared/ledger'

const DAY_MS = 86_400_000
const T = Date.UTC(2026, 10, 24, 4)
const context: LedgerEntryContext = {
  source: 'purchase:p1',
  operatorId: 'staff-1',
  idempotencyKey: 'req-1',
  createdAtMs: T,
  reason: null,
}

const earned = earnPoints(EMPTY_WALLET, { amount: 100, expiresAtMs: T + DAY_MS })

describe('draftEntry', () => {
  it('takes the signed amount from the lot changes and the balance after from the wallet', () => {
    expect(draftEntry('earn', earned, context)).toEqual({
      type: 'earn',
      amount: 100,
      balanceAfter: 100,
      lotChanges: [{ expiresAtMs: T + DAY_MS, delta: 100 }],
      shortfall: 0,
      source: 'purchase:p1',
      operatorId: 'staff-1',
      idempotencyKey: 'req-1',
      createdAtMs: T,
      reason: null,
    })
  })

  it('records spending and expiry as negative amounts', () => {
    const spent = spendPoints(earned.wallet, { amount: 30, nowMs: T })
    if (!spent.ok) throw new Error(spent.message)
    expect(draftEntry('spend', spent.data, context)).toMatchObject({ amount: -30, balanceAfter: 70 })
    const expired = expirePoints(spent.data.wallet, T + DAY_MS)
    expect(draftEntry('expire', expired, context)).toMatchObject({ amount: -70, balanceAfter: 0 })
  })

  it('records a reversal’s shortfall, even when nothing could be taken back', () => {
    const spent = spendPoints(earned.wallet, { amount: 100, nowMs: T })
    if (!spent.ok) throw new Error(spent.message)
    const reversal = reverseEarn(spent.data.wallet, { sourceLotChanges: earned.lotChanges, nowMs: T })
    expect(draftEntry('reverse', reversal, context)).toMatchObject({
      amount: 0,
      balanceAfter: 0,
      shortfall: 100,
      lotChanges: [],
    })
  })

  it('records an admin adjustment either way, with its reason', () => {
    const withReason = { ...context, reason: '补录漏记的消费' }
    expect(draftEntry('adjust', earned, withReason)).toMatchObject({ amount: 100, reason: '补录漏记的消费' })
    const spent = spendPoints(earned.wallet, { amount: 10, nowMs: T })
    if (!spent.ok) throw new Error(spent.message)
    expect(draftEntry('adjust', spent.data, withReason)).toMatchObject({ amount: -10 })
  })

  const nothing = { wallet: EMPTY_WALLET, lotChanges: [] }
  const removal = { wallet: EMPTY_WALLET, lotChanges: [{ expiresAtMs: null, delta: -5 }] }
  it.each<[string, LedgerEntryType, Parameters<typeof draftEntry>[1], Partial<LedgerEntryContext>]>([
    ['an earning that removes points', 'earn', removal, {}],
    ['an empty earning', 'earn', nothing, {}],
    ['spending that adds points', 'spend', earned, {}],
    ['an expiry of nothing', 'expire', nothing, {}],
    ['a reversal that adds points', 'reverse', earned, {}],
    ['a reversal of nothing with no shortfall', 'reverse', nothing, {}],
    ['an adjustment of zero', 'adjust', nothing, { reason: '测试' }],
    ['an adjustment without a reason', 'adjust', earned, { reason: null }],
    ['an adjustment with a blank reason', 'adjust', earned, { reason: '  ' }],
    ['a shortfall on spending', 'spend', { ...removal, shortfall: 3 }, {}],
  ])('throws for %s', (_, type, outcome, changes) => {
    expect(() => draftEntry(type, outcome, { ...context, ...changes })).toThrow(RangeError)
  })
})

describe('sumOfEntries', () => {
  it('adds the signed amounts, 0 for no entries', () => {
    expect(sumOfEntries([])).toBe(0)
    expect(sumOfEntries([{ amount: 100 }, { amount: -30 }, { amount: -70 }])).toBe(0)
    expect(sumOfEntries([{ amount: 100 }, { amount: -30 }])).toBe(70)
  })
})

describe('walletFromEntries', () => {
  it('rebuilds the wallet by replaying the entries’ lot changes in order', () => {
    const more = earnPoints(earned.wallet, { amount: 5, expiresAtMs: null })
    const spent = spendPoints(more.wallet, { amount: 101, nowMs: T })
    if (!spent.ok) throw new Error(spent.message)
    const entries = [draftEntry('earn', earned, context), draftEntry('earn', more, context)]
    entries.push(draftEntry('spend', spent.data, context))
    expect(walletFromEntries(entries)).toEqual(spent.data.wallet)
    expect(walletFromEntries([])).toEqual(EMPTY_WALLET)
  })
})

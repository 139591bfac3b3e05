import {
  draftEntry,
  EMPTY_WALLET,
  earnPoints,
  expirePoints,
  type LedgerEntryContext,
  type LedgerEntryDraft,
  type LotChange,
  type PointsWallet,
  reverseEarn,
  spendPoints,
  sumOfEntries,
  usableBalance,
  walletFromEntries,
  walletProblems,
} from '@shared/ledger'
import fc from 'fast-check'

const DAY_MS = 86_400_000
const START_MS = Date.UTC(2026, 0, 1)

type Operation =
  | { readonly kind: 'advance'; readonly byMs: number }
  | { readonly kind: 'earn'; readonly amount: number; readonly expiresAtMs: number | null }
  | { readonly kind: 'spend'; readonly amount: number }
  | { readonly kind: 'expire' }
  | { readonly kind: 'reverse'; readonly pick: number }

// Expiries on a small grid of days, so earnings merge into shared lots and the clock passes them.
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), byMs: fc.integer({ min: 0, max: 5 * DAY_MS }) }),
  fc.record({
    kind: fc.constant('earn' as const),
    amount: fc.integer({ min: 1, max: 500 }),
    expiresAtMs: fc.option(
      fc.integer({ min: 0, max: 40 }).map((day) => START_MS + day * DAY_MS),
      { nil: null, freq: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ kind: fc.constant('expire' as const) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
)

function contextAt(nowMs: number, index: number): LedgerEntryContext {
  return { source: `op-${index}`, operatorId: null, idempotencyKey: `key-${index}`, createdAtMs: nowMs, reason: null }
}

function laterThan(a: number | null, b: number | null): boolean {
  return a === null ? b !== null : b !== null && a > b
}

/** Spending never leaves points in a usable lot that expires before the latest lot it took from. */
function expectEarliestFirst(after: PointsWallet, lotChanges: readonly LotChange[], nowMs: number): void {
  const latestTouched = lotChanges.at(-1)?.expiresAtMs ?? null
  for (const change of lotChanges) expect(change.expiresAtMs === null || nowMs < change.expiresAtMs).toBe(true)
  for (const lot of after.lots) {
    const usable = lot.expiresAtMs === null || nowMs < lot.expiresAtMs
    if (usable && lotChanges.length > 0) expect(laterThan(latestTouched, lot.expiresAtMs)).toBe(false)
  }
}

describe('the ledger under any sequence of operations', () => {
  it('keeps the balance equal to the lots and the ledger, never negative, spending earliest first', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        let wallet = EMPTY_WALLET
        let nowMs = START_MS
        const entries: LedgerEntryDraft[] = []
        const reversible: { lotChanges: readonly LotChange[]; amount: number }[] = []

        operations.forEach((op, index) => {
          const context = contextAt(nowMs, index)
          switch (op.kind) {
            case 'advance':
              nowMs += op.byMs
              return
            case 'earn': {
              const earned = earnPoints(wallet, op)
              entries.push(draftEntry('earn', earned, context))
              reversible.push({ lotChanges: earned.lotChanges, amount: op.amount })
              wallet = earned.wallet
              break
            }
            case 'spend': {
              const usable = usableBalance(wallet, nowMs)
              const spent = spendPoints(wallet, { amount: op.amount, nowMs })
              expect(spent.ok).toBe(usable >= op.amount)
              if (!spent.ok) return
              expectEarliestFirst(spent.data.wallet, spent.data.lotChanges, nowMs)
              expect(usableBalance(spent.data.wallet, nowMs)).toBe(usable - op.amount)
              entries.push(draftEntry('spend', spent.data, context))
              wallet = spent.data.wallet
              break
            }
            case 'expire': {
              const outcome = expirePoints(wallet, nowMs)
              expect(outcome.expired).toBe(wallet.balance - usableBalance(wallet, nowMs))
              expect(usableBalance(outcome.wallet, nowMs)).toBe(outcome.wallet.balance)
              if (outcome.expired > 0) entries.push(draftEntry('expire', outcome, context))
              wallet = outcome.wallet
              break
            }
            case 'reverse': {
              const source = reversible.splice(op.pick % Math.max(reversible.length, 1), 1)[0]
              if (!source) return
              const usable = usableBalance(wallet, nowMs)
              const reversal = reverseEarn(wallet, { sourceLotChanges: source.lotChanges, nowMs })
              expect(reversal.takenBack + reversal.shortfall).toBe(source.amount)
              expect(reversal.takenBack).toBeGreaterThanOrEqual(0)
              expect(reversal.takenBack).toBe(Math.min(source.amount, usable))
              // A shortfall means every usable point was taken back first.
              if (reversal.shortfall > 0) expect(usableBalance(reversal.wallet, nowMs)).toBe(0)
              for (const change of reversal.lotChanges) expect(change.delta).toBeLessThan(0)
              if (reversal.takenBack > 0 || reversal.shortfall > 0) {
                entries.push(draftEntry('reverse', reversal, context))
              }
              wallet = reversal.wallet
              break
            }
          }
          expect(walletProblems(wallet)).toEqual([])
          expect(wallet.balance).toBeGreaterThanOrEqual(0)
          expect(sumOfEntries(entries)).toBe(wallet.balance)
          expect(entries.at(-1)?.balanceAfter ?? 0).toBe(wallet.balance)
        })
        expect(walletFromEntries(entries)).toEqual(wallet)
      }),
      { numRuns: 200 },
    )
  })
})

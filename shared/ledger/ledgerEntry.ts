/**
 * Ledger entries (积分流水): every change to a wallet is one entry, written the same way by every cloud
 * function. The core fills the figures from an operation's outcome; who and why are opaque strings the
 * cloud layer supplies.
 */
import { applyLotChanges } from './lotChanges'
import { EMPTY_WALLET, type LotChange, type PointsWallet, sumOf, type WalletChange } from './wallet'

/** What kind of change an entry records. */
export type LedgerEntryType = 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust'

/** Who and what caused an entry; opaque to the core. */
export interface LedgerEntryContext {
  /** The document that caused it: a purchase, order or check-in; for a reversal, the reversed entry. */
  readonly source: string
  /** The staff member or admin who acted; null when the member or a scheduled job did. */
  readonly operatorId: string | null
  /** Unique per member and request, so a replayed request finds its entry already written. */
  readonly idempotencyKey: string
  readonly createdAtMs: number
  /** Why an admin adjusted the points; required for `adjust`, null otherwise. */
  readonly reason: string | null
}

/** An entry ready to be written, before the database gives it an id. */
export interface LedgerEntryDraft extends LedgerEntryContext {
  readonly type: LedgerEntryType
  /** Signed: positive adds points, negative removes them. Equals the sum of the lot changes. */
  readonly amount: number
  /** The wallet balance once this entry is applied. */
  readonly balanceAfter: number
  readonly lotChanges: readonly LotChange[]
  /** Points a reversal could not take back (already spent); 0 for every other entry. */
  readonly shortfall: number
}

/** An operation's outcome as an entry needs it; reversals also carry their shortfall. */
export interface EntryOutcome extends WalletChange {
  readonly shortfall?: number
}

function amountAllowed(type: LedgerEntryType, amount: number, shortfall: number): boolean {
  switch (type) {
    case 'earn':
      return amount > 0
    case 'spend':
    case 'expire':
      return amount < 0
    case 'reverse':
      // A reversal whose points were all spent takes nothing back but must still record its shortfall.
      return amount < 0 || (amount === 0 && shortfall > 0)
    case 'adjust':
      return amount !== 0
  }
}

/**
 * The entry for an operation's outcome: amount from its lot changes, balance from its wallet. Throws a
 * RangeError for a combination no caller should produce: an amount whose sign does not fit the type, a
 * shortfall outside a reversal, or an adjustment without a reason.
 */
export function draftEntry(
  type: LedgerEntryType,
  outcome: EntryOutcome,
  context: LedgerEntryContext,
): LedgerEntryDraft {
  const amount = sumOf(outcome.lotChanges)
  const shortfall = outcome.shortfall ?? 0
  if (!amountAllowed(type, amount, shortfall)) throw new RangeError(`a ${type} entry cannot have amount ${amount}`)
  if (shortfall !== 0 && type !== 'reverse') throw new RangeError(`only a reversal has a shortfall: ${type}`)
  if (type === 'adjust' && !context.reason?.trim()) throw new RangeError('an adjustment needs a reason')
  return {
    type,
    amount,
    balanceAfter: outcome.wallet.balance,
    lotChanges: outcome.lotChanges,
    shortfall,
    source: context.source,
    operatorId: context.operatorId,
    idempotencyKey: context.idempotencyKey,
    createdAtMs: context.createdAtMs,
    reason: context.reason,
  }
}

/** The sum of entry amounts; for a member's whole ledger it equals the wallet balance. */
export function sumOfEntries(entries: readonly { readonly amount: number }[]): number {
  return sumOf(entries)
}

/** The wallet that entries produce when replayed in order from the empty wallet (an audit rebuild). */
export function walletFromEntries(entries: readonly { readonly lotChanges: readonly LotChange[] }[]): PointsWallet {
  return entries.reduce((wallet, entry) => applyLotChanges(wallet, entry.lotChanges), EMPTY_WALLET)
}

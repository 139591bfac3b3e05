/**
 * A member's points: lots merged by expiry instant, earliest first and never-expiring last, so the list
 * stays short enough to live on the member document. The balance is a projection kept beside the lots
 * so that reads need no sum; it always equals the sum of the lots and is never negative.
 */

/** Points that expire together: every earning with the same expiry instant lands in one lot. */
export interface PointsLot {
  /** The first instant the points can no longer be used; null when they never expire. */
  readonly expiresAtMs: number | null
  readonly amount: number
}

/** A member's points as stored on the member document. */
export interface PointsWallet {
  readonly balance: number
  /** Sorted by expiry, earliest first, never-expiring last; one lot per expiry instant, none empty. */
  readonly lots: readonly PointsLot[]
}

/** How one lot changed: a positive delta adds points to it, a negative one takes them away. */
export interface LotChange {
  readonly expiresAtMs: number | null
  readonly delta: number
}

/** What an operation produced: the new wallet and exactly how its lots changed, for the ledger entry. */
export interface WalletChange {
  readonly wallet: PointsWallet
  /** Sorted like the lots, one change per lot touched, none zero. */
  readonly lotChanges: readonly LotChange[]
}

/** A wallet with no points. */
export const EMPTY_WALLET: PointsWallet = { balance: 0, lots: [] }

/** Orders expiry instants earliest first, with never (null) last. */
export function compareExpiry(a: number | null, b: number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a - b
}

/** The sum of lot amounts or lot-change deltas. */
export function sumOf(values: readonly { readonly amount: number }[] | readonly { readonly delta: number }[]): number {
  let total = 0
  for (const value of values) total += 'amount' in value ? value.amount : value.delta
  return total
}

/** Whether a wallet's balance equals the sum of its lots. */
export function walletBalanceMatchesLots(wallet: PointsWallet): boolean {
  return wallet.balance === sumOf(wallet.lots)
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0
}

/**
 * Every broken invariant of a wallet, in words; empty when the wallet is sound. For the cloud layer to
 * check what it read from the database and for tests; operations assume a sound wallet.
 */
export function walletProblems(wallet: PointsWallet): string[] {
  const problems: string[] = []
  if (!Number.isSafeInteger(wallet.balance) || wallet.balance < 0) {
    problems.push(`balance must be a non-negative integer: ${wallet.balance}`)
  }
  wallet.lots.forEach((lot, index) => {
    if (!isPositiveInteger(lot.amount)) problems.push(`lot ${index} amount must be a positive integer: ${lot.amount}`)
    if (lot.expiresAtMs !== null && !Number.isSafeInteger(lot.expiresAtMs)) {
      problems.push(`lot ${index} expiry must be whole milliseconds or null: ${lot.expiresAtMs}`)
    }
    const previous = wallet.lots[index - 1]
    if (previous && compareExpiry(previous.expiresAtMs, lot.expiresAtMs) >= 0) {
      problems.push(`lot ${index} is not after lot ${index - 1}: lots must be sorted by expiry, one per instant`)
    }
  })
  if (!walletBalanceMatchesLots(wallet)) {
    problems.push(`balance ${wallet.balance} differs from the sum of the lots ${sumOf(wallet.lots)}`)
  }
  return problems
}

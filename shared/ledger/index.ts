export { earnPoints } from './earn'
export { ledgerEntryTitle } from './entryTitle'
export { type ExpiryOutcome, expirePoints } from './expire'
export {
  type ExpiringLot,
  type ExpiringPoints,
  type ExpiringSoon,
  expiringSoon,
  nextExpiry,
  pointsExpiringWithin,
} from './expiringSoon'
export { lastValidDayOf, lotExpiryMs } from './expiryPolicy'
export {
  draftEntry,
  type EntryOutcome,
  type LedgerEntryContext,
  type LedgerEntryDraft,
  type LedgerEntryType,
  sumOfEntries,
  walletFromEntries,
} from './ledgerEntry'
export { applyLotChanges } from './lotChanges'
export { type ReversalOutcome, reverseEarn } from './reverse'
export { spendPoints } from './spend'
export { expiredBalance, isLotUsable, usableBalance } from './usable'
export {
  EMPTY_WALLET,
  type LotChange,
  type PointsLot,
  type PointsWallet,
  type WalletChange,
  walletBalanceMatchesLots,
  walletProblems,
} from './wallet'

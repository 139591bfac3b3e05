import { applyLotChanges } from './lotChanges'
import { isLotUsable } from './usable'
import { type LotChange, type PointsWallet, sumOf, type WalletChange } from './wallet'

/** What an expiry run did to one wallet. */
export interface ExpiryOutcome extends WalletChange {
  /** Points written off (positive); the `expire` ledger entry records minus this. */
  readonly expired: number
}

/** Writes off every lot whose expiry instant is at or before `nowMs`. Running it twice changes nothing. */
export function expirePoints(wallet: PointsWallet, nowMs: number): ExpiryOutcome {
  const lotChanges: LotChange[] = wallet.lots
    .filter((lot) => !isLotUsable(lot, nowMs))
    .map((lot) => ({ expiresAtMs: lot.expiresAtMs, delta: -lot.amount }))
  // 0 - sum rather than -sum: when nothing expired the figure must be 0, not the -0 a database would keep.
  return { wallet: applyLotChanges(wallet, lotChanges), expired: 0 - sumOf(lotChanges), lotChanges }
}

import { applyLotChanges } from './lotChanges'
import type { LotChange, PointsWallet, WalletChange } from './wallet'

/**
 * Adds earned points to the lot of their expiry instant (see `lotExpiryMs`). Throws a RangeError when
 * the amount is not a positive whole number or the expiry is not whole milliseconds: the cloud layer
 * validates input first, so a bad value here is a programmer error, not a domain failure.
 */
export function earnPoints(
  wallet: PointsWallet,
  earning: { readonly amount: number; readonly expiresAtMs: number | null },
): WalletChange {
  const { amount, expiresAtMs } = earning
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`earned points must be positive: ${amount}`)
  if (expiresAtMs !== null && !Number.isSafeInteger(expiresAtMs)) {
    throw new RangeError(`expiry must be whole milliseconds or null: ${expiresAtMs}`)
  }
  const lotChanges: LotChange[] = [{ expiresAtMs, delta: amount }]
  return { wallet: applyLotChanges(wallet, lotChanges), lotChanges }
}

import { err, ok, type Result } from '../result'
import { applyLotChanges } from './lotChanges'
import { takeEarliestFirst, usableBalance } from './usable'
import type { PointsWallet, WalletChange } from './wallet'

/**
 * Spends points from the usable lots, earliest expiry first, so the points closest to expiring go
 * first. Expired lots are never touched (the expiry run writes them off). Fails with
 * `POINTS_INSUFFICIENT` when the usable points fall short; throws a RangeError when the amount is not a
 * positive whole number, which the cloud layer rules out before calling.
 */
export function spendPoints(
  wallet: PointsWallet,
  spending: { readonly amount: number; readonly nowMs: number },
): Result<WalletChange, 'POINTS_INSUFFICIENT'> {
  const { amount, nowMs } = spending
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`spent points must be positive: ${amount}`)
  const usable = usableBalance(wallet, nowMs)
  if (usable < amount) return err('POINTS_INSUFFICIENT', `可用 ${usable} 积分，需要 ${amount} 积分`)
  const { lotChanges } = takeEarliestFirst(wallet.lots, { amount, nowMs })
  return ok({ wallet: applyLotChanges(wallet, lotChanges), lotChanges })
}

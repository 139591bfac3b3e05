import type { LotChange, PointsLot, PointsWallet } from './wallet'

/** Whether a lot can still be spent: before its expiry instant, never at or after it. */
export function isLotUsable(lot: PointsLot, nowMs: number): boolean {
  return lot.expiresAtMs === null || nowMs < lot.expiresAtMs
}

/** Points that can be spent now: the balance less lots that have expired but not yet been written off. */
export function usableBalance(wallet: PointsWallet, nowMs: number): number {
  let total = 0
  for (const lot of wallet.lots) if (isLotUsable(lot, nowMs)) total += lot.amount
  return total
}

/**
 * Points in lots that have expired but are not yet written off by an `expire` entry: the stored
 * balance less the usable one, which every screen that shows a balance names as 已过期.
 */
export function expiredBalance(wallet: PointsWallet, nowMs: number): number {
  let total = 0
  for (const lot of wallet.lots) if (!isLotUsable(lot, nowMs)) total += lot.amount
  return total
}

/**
 * Takes up to `amount` from the usable lots, earliest expiry first; lots must be sorted as in a wallet.
 * Returns the (negative) lot changes and what could not be taken.
 */
export function takeEarliestFirst(
  lots: readonly PointsLot[],
  options: { amount: number; nowMs: number },
): { lotChanges: LotChange[]; remaining: number } {
  const lotChanges: LotChange[] = []
  let remaining = options.amount
  for (const lot of lots) {
    if (remaining === 0) break
    if (!isLotUsable(lot, options.nowMs)) continue
    const taken = Math.min(lot.amount, remaining)
    lotChanges.push({ expiresAtMs: lot.expiresAtMs, delta: -taken })
    remaining -= taken
  }
  return { lotChanges, remaining }
}

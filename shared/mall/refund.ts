import { applyLotChanges, type LotChange, type PointsWallet, type WalletChange } from '../ledger'

function compareExpiry(a: number | null, b: number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a - b
}

/**
 * Gives back the points a spend took (a cancelled redemption): each part returns to the lot it came
 * from, keeping that lot's expiry, so cancelling never extends or shortens the life of a point. A
 * part whose lot has expired since (at or before `nowMs`) would come back unusable, so it gets
 * `fallbackExpiresAtMs` instead (the programme's expiry for points earned now). Throws a RangeError
 * when a spent change is not a negative whole number: only spends can be refunded.
 */
export function refundSpend(
  wallet: PointsWallet,
  refund: {
    readonly spentLotChanges: readonly LotChange[]
    readonly nowMs: number
    readonly fallbackExpiresAtMs: number | null
  },
): WalletChange {
  const deltas = new Map<number | null, number>()
  for (const change of refund.spentLotChanges) {
    if (!Number.isSafeInteger(change.delta) || change.delta >= 0) {
      throw new RangeError(`only spends can be refunded; spent lot change: ${change.delta}`)
    }
    const stillUsable = change.expiresAtMs === null || refund.nowMs < change.expiresAtMs
    const expiresAtMs = stillUsable ? change.expiresAtMs : refund.fallbackExpiresAtMs
    deltas.set(expiresAtMs, (deltas.get(expiresAtMs) ?? 0) - change.delta)
  }
  const lotChanges = [...deltas]
    .map(([expiresAtMs, delta]) => ({ expiresAtMs, delta }))
    .sort((a, b) => compareExpiry(a.expiresAtMs, b.expiresAtMs))
  return { wallet: applyLotChanges(wallet, lotChanges), lotChanges }
}

import { applyLotChanges, mergeLotChanges } from './lotChanges'
import { isLotUsable, takeEarliestFirst } from './usable'
import { type LotChange, type PointsWallet, sumOf, type WalletChange } from './wallet'

/** What reversing an earning did. `takenBack + shortfall` is always what the source entry gave. */
export interface ReversalOutcome extends WalletChange {
  /** Points taken back (positive); the `reverse` ledger entry records minus this. */
  readonly takenBack: number
  /** Points that could not be taken back because the member had already spent them (or they expired). */
  readonly shortfall: number
}

function takeFromSourceLots(
  wallet: PointsWallet,
  sourceLotChanges: readonly LotChange[],
  nowMs: number,
): { lotChanges: LotChange[]; remaining: number } {
  const lotChanges: LotChange[] = []
  let remaining = 0
  for (const source of mergeLotChanges(sourceLotChanges)) {
    const lot = wallet.lots.find((candidate) => candidate.expiresAtMs === source.expiresAtMs)
    const available = lot && isLotUsable(lot, nowMs) ? lot.amount : 0
    const taken = Math.min(available, source.delta)
    if (taken > 0) lotChanges.push({ expiresAtMs: source.expiresAtMs, delta: -taken })
    remaining += source.delta - taken
  }
  return { lotChanges, remaining }
}

/**
 * Takes back what an earning gave (a refunded purchase): first from the lots it went into, then from
 * the other usable lots, earliest expiry first, never below zero. What cannot be taken back is the
 * shortfall, reported rather than dropped. Like spending, it never touches expired lots, so the result
 * does not depend on whether the expiry run has already written them off. Throws a RangeError when a
 * source change is not a positive whole number: only earnings (positive lot changes) can be reversed.
 */
export function reverseEarn(
  wallet: PointsWallet,
  reversal: { readonly sourceLotChanges: readonly LotChange[]; readonly nowMs: number },
): ReversalOutcome {
  const { sourceLotChanges, nowMs } = reversal
  for (const change of sourceLotChanges) {
    if (!Number.isSafeInteger(change.delta) || change.delta <= 0) {
      throw new RangeError(`only earnings can be reversed; source lot change: ${change.delta}`)
    }
  }
  const fromSource = takeFromSourceLots(wallet, sourceLotChanges, nowMs)
  const afterSource = applyLotChanges(wallet, fromSource.lotChanges)
  const fromOthers = takeEarliestFirst(afterSource.lots, { amount: fromSource.remaining, nowMs })
  const lotChanges = mergeLotChanges([...fromSource.lotChanges, ...fromOthers.lotChanges])
  return {
    wallet: applyLotChanges(wallet, lotChanges),
    lotChanges,
    // 0 - sum rather than -sum, so that taking nothing back is 0, not -0.
    takenBack: 0 - sumOf(lotChanges),
    shortfall: fromOthers.remaining,
  }
}

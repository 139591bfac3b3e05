import { compareExpiry, type LotChange, type PointsLot, type PointsWallet } from './wallet'

/** Changes to the same lot merged into one, zero deltas dropped, sorted by expiry. */
export function mergeLotChanges(changes: readonly LotChange[]): LotChange[] {
  const deltas = new Map<number | null, number>()
  for (const change of changes) deltas.set(change.expiresAtMs, (deltas.get(change.expiresAtMs) ?? 0) + change.delta)
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([expiresAtMs, delta]) => ({ expiresAtMs, delta }))
    .sort((a, b) => compareExpiry(a.expiresAtMs, b.expiresAtMs))
}

/**
 * The wallet after some lot changes: a change to an existing expiry merges into its lot, emptied lots
 * disappear, and the balance moves by the sum of the deltas. Replaying the lot changes of every ledger
 * entry in order onto the empty wallet rebuilds the member's wallet. Throws when a lot would go
 * negative, which no operation of this module produces.
 */
export function applyLotChanges(wallet: PointsWallet, changes: readonly LotChange[]): PointsWallet {
  const amounts = new Map<number | null, number>(wallet.lots.map((lot) => [lot.expiresAtMs, lot.amount]))
  let balance = wallet.balance
  for (const change of changes) {
    if (!Number.isSafeInteger(change.delta)) throw new RangeError(`lot change must be whole points: ${change.delta}`)
    const amount = (amounts.get(change.expiresAtMs) ?? 0) + change.delta
    if (amount < 0) throw new RangeError(`lot expiring at ${change.expiresAtMs} would go negative: ${amount}`)
    amounts.set(change.expiresAtMs, amount)
    balance += change.delta
  }
  const lots: PointsLot[] = [...amounts]
    .filter(([, amount]) => amount > 0)
    .map(([expiresAtMs, amount]) => ({ expiresAtMs, amount }))
    .sort((a, b) => compareExpiry(a.expiresAtMs, b.expiresAtMs))
  return { balance, lots }
}

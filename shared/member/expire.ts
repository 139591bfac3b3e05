import { applyLotChanges, draftEntry, isLotUsable } from '../ledger'
import type { LedgerEntry, Member } from './member'

/** A member's expired points as they will be written: the wallet without them and one entry per lot. */
export interface ExpiryDecision {
  readonly points: Member['points']
  readonly entries: readonly LedgerEntry[]
  /** Points written off in all. */
  readonly expired: number
}

/** The id of the `expire` entry of a member's lot: one per lot ever, however often the job runs. */
export function expiryEntryIdOf(memberId: string, lotExpiresAtMs: number): string {
  return `expire_${memberId}_${lotExpiresAtMs}`
}

/**
 * Writes off every lot of `member` that has expired by `nowMs` (at or after its expiry instant), as
 * one `expire` entry per lot, dated at the lot's own instant (when the points stopped being usable,
 * whenever the job got to them) and keyed by `expiryEntryIdOf`. Null when nothing has expired, so a
 * second run decides nothing.
 */
export function decideExpiry(member: Pick<Member, '_id' | 'points'>, nowMs: number): ExpiryDecision | null {
  const expiredLots = member.points.lots.filter((lot) => !isLotUsable(lot, nowMs))
  if (expiredLots.length === 0) return null
  let wallet = member.points
  const entries = expiredLots.map((lot): LedgerEntry => {
    // A lot that has expired has an instant (never-expiring lots are always usable).
    const lotExpiresAtMs = lot.expiresAtMs as number
    const lotChanges = [{ expiresAtMs: lotExpiresAtMs, delta: -lot.amount }]
    // One lot at a time, so each entry's balanceAfter follows the one before it.
    wallet = applyLotChanges(wallet, lotChanges)
    const id = expiryEntryIdOf(member._id, lotExpiresAtMs)
    const draft = draftEntry(
      'expire',
      { wallet, lotChanges },
      { source: 'expiry', operatorId: null, idempotencyKey: id, createdAtMs: lotExpiresAtMs, reason: null },
    )
    return { _id: id, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] }
  })
  return { points: wallet, entries, expired: member.points.balance - wallet.balance }
}

import { draftEntry, earnPoints, lotExpiryMs } from '../ledger'
import type { Programme } from '../programme/schema'
import type { LedgerEntry, Member } from './member'

/** A points grant as it will be written: the member's new wallet and the ledger entry recording it. */
export interface PointsGrant {
  readonly points: Member['points']
  readonly entry: LedgerEntry
}

/**
 * Earns points for a member under the programme's expiry policy and drafts the ledger entry, keyed
 * by `idempotencyKey`, so the caller writes both in one transaction.
 */
export function grantPoints(options: {
  readonly member: Pick<Member, '_id' | 'points'>
  readonly programme: Programme
  readonly amount: number
  readonly nowMs: number
  readonly source: string
  readonly idempotencyKey: string
  readonly operatorId?: string | null
}): PointsGrant {
  const { programme, nowMs } = options
  const expiresAtMs = lotExpiryMs({
    policy: programme.pointsExpiry,
    earnedAtMs: nowMs,
    timeZone: programme.timeZone,
    cutoffHour: programme.businessDayCutoffHour,
  })
  const outcome = earnPoints(options.member.points, { amount: options.amount, expiresAtMs })
  const draft = draftEntry('earn', outcome, {
    source: options.source,
    operatorId: options.operatorId ?? null,
    idempotencyKey: options.idempotencyKey,
    createdAtMs: nowMs,
    reason: null,
  })
  return {
    points: outcome.wallet,
    entry: { _id: options.idempotencyKey, memberId: options.member._id, ...draft, lotChanges: [...draft.lotChanges] },
  }
}

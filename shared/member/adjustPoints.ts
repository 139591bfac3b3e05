import { draftEntry, earnPoints, lotExpiryMs, spendPoints, usableBalance, type WalletChange } from '../ledger'
import type { Programme } from '../programme/schema'
import { err, ok, type Result } from '../result'
import type { StaffRole } from '../staff/roles'
import type { LedgerEntry, Member } from './member'

/** A manual points adjustment as an admin or manager asked for it. */
export interface PointsAdjustment {
  /** The ledger entry's id: one per request, so a retry finds it written. */
  readonly key: string
  /** Signed: added (> 0) or taken away (< 0); never 0. */
  readonly amount: number
  readonly reason: string
  readonly operatorOpenid: string
  readonly operatorRole: StaffRole
}

/** An adjustment as it will be written: the member's wallet after it, its entry, and the usable points around it. */
export interface AdjustmentDecision {
  readonly points: Member['points']
  readonly entry: LedgerEntry
  readonly usableBefore: number
  readonly usableAfter: number
}

/** The largest adjustment (either way) `role` may make under the programme's limits; 0 for a clerk. */
export function adjustmentLimitOf(programme: Programme, role: StaffRole): number {
  if (role === 'admin') return programme.staffLimits.adminAdjustmentPointsMax
  return role === 'manager' ? programme.staffLimits.managerAdjustmentPointsMax : 0
}

/**
 * Adds points (a new lot, expiring by the programme's policy from now, as if earned) or takes them
 * away (earliest-expiring usable lots first, like a spend), as one `adjust` entry with the reason.
 * Refused above the caller's role limit (ADJUSTMENT_OVER_LIMIT) and when the member has fewer usable
 * points than are taken (POINTS_INSUFFICIENT): an adjustment never takes a balance below zero.
 */
export function decidePointsAdjustment(
  member: Pick<Member, '_id' | 'points'>,
  adjustment: PointsAdjustment,
  context: { readonly programme: Programme; readonly nowMs: number },
): Result<AdjustmentDecision, 'ADJUSTMENT_OVER_LIMIT' | 'POINTS_INSUFFICIENT'> {
  const { programme, nowMs } = context
  const limit = adjustmentLimitOf(programme, adjustment.operatorRole)
  if (Math.abs(adjustment.amount) > limit) {
    return err('ADJUSTMENT_OVER_LIMIT', `单次调整不能超过 ${limit} 积分，超出请由品牌管理员处理`)
  }
  let change: WalletChange
  if (adjustment.amount > 0) {
    const expiresAtMs = lotExpiryMs({
      policy: programme.pointsExpiry,
      earnedAtMs: nowMs,
      timeZone: programme.timeZone,
      cutoffHour: programme.businessDayCutoffHour,
    })
    change = earnPoints(member.points, { amount: adjustment.amount, expiresAtMs })
  } else {
    const spent = spendPoints(member.points, { amount: -adjustment.amount, nowMs })
    if (!spent.ok) return spent
    change = spent.data
  }
  const draft = draftEntry('adjust', change, {
    source: 'adjustment',
    operatorId: adjustment.operatorOpenid,
    idempotencyKey: adjustment.key,
    createdAtMs: nowMs,
    reason: adjustment.reason,
  })
  return ok({
    points: change.wallet,
    entry: { _id: adjustment.key, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] },
    usableBefore: usableBalance(member.points, nowMs),
    usableAfter: usableBalance(change.wallet, nowMs),
  })
}

import { draftEntry, reverseEarn, usableBalance } from '../ledger'
import type { LedgerEntry, Member } from '../member'
import { err, ok, type Result } from '../result'
import { auditOperatorOf, type PurchaseAuditEntry, type ReversalAuditEntry } from './audit'
import { reversalAuthority } from './permissions'
import { reversalKeyOf } from './purchaseKey'
import type { StaffMember } from './staffMember'

/** What reversing a purchase changes: the member, the reverse entry (none for a purchase without points), the purchase marked reversed and the reversal's audit entry. */
export interface ReversalDecision {
  readonly member: Member
  readonly entries: readonly LedgerEntry[]
  readonly purchase: PurchaseAuditEntry
  readonly audit: ReversalAuditEntry
}

/** The points a purchase gave, taken back from `member`: from its own lots first, never below zero. */
function takeBackPoints(
  member: Member,
  purchase: PurchaseAuditEntry,
  context: { staff: StaffMember; reason: string; nowMs: number },
) {
  const lotChanges = purchase.purchase.lotChanges
  if (lotChanges.length === 0) return { wallet: member.points, entry: null, takenBack: 0, shortfall: 0 }
  const key = reversalKeyOf(purchase._id)
  const outcome = reverseEarn(member.points, { sourceLotChanges: lotChanges, nowMs: context.nowMs })
  const draft = draftEntry('reverse', outcome, {
    source: `reverse:${purchase._id}`,
    operatorId: context.staff.openid,
    idempotencyKey: key,
    createdAtMs: context.nowMs,
    reason: context.reason,
  })
  const entry: LedgerEntry = { _id: key, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] }
  return { wallet: outcome.wallet, entry, takenBack: outcome.takenBack, shortfall: outcome.shortfall }
}

/**
 * Reverses a purchase (a refund), once, by a manager of the purchase's store or an admin: takes back
 * exactly the points it awarded (what the member already spent is the shortfall) and its growth,
 * never below zero. The tier, an upgrade gift and a referral reward are kept. Refusals in
 * precedence order: FORBIDDEN, ALREADY_REVERSED, MEMBER_NOT_FOUND.
 */
export function decideReversal(
  state: { readonly staff: StaffMember; readonly purchase: PurchaseAuditEntry; readonly member: Member | null },
  options: { readonly reason: string; readonly nowMs: number },
): Result<ReversalDecision, 'FORBIDDEN' | 'ALREADY_REVERSED' | 'MEMBER_NOT_FOUND'> {
  const { staff, purchase, member } = state
  const { reason, nowMs } = options
  const allowed = reversalAuthority({ role: staff.role, storeId: staff.storeId }, purchase.storeId)
  if (!allowed.ok) return allowed
  if (purchase.reversedAtMs !== null) return err('ALREADY_REVERSED')
  if (!member) return err('MEMBER_NOT_FOUND')
  const points = takeBackPoints(member, purchase, { staff, reason, nowMs })
  const growthTakenBack = Math.min(member.growth, purchase.purchase.growth)
  const updated: Member = { ...member, points: points.wallet, growth: member.growth - growthTakenBack }
  return ok({
    member: updated,
    entries: points.entry ? [points.entry] : [],
    purchase: { ...purchase, reversedAtMs: nowMs },
    audit: {
      ...auditOperatorOf(staff),
      _id: reversalKeyOf(purchase._id),
      action: 'reversePurchase',
      createdAtMs: nowMs,
      // The reversal belongs to the purchase's store, whoever reversed it (an admin has no store).
      storeId: purchase.storeId,
      memberId: member._id,
      amountFen: purchase.amountFen,
      points: -points.takenBack,
      balanceBefore: usableBalance(member.points, nowMs),
      balanceAfter: usableBalance(updated.points, nowMs),
      subjectId: purchase._id,
      note: reason,
      reversal: {
        purchaseEntryId: purchase._id,
        reason,
        takenBack: points.takenBack,
        shortfall: points.shortfall,
        growthTakenBack,
      },
    },
  })
}

import { draftEntry, type LotChange, reverseEarn, usableBalance } from '../ledger'
import { type LedgerEntry, type Member, purchaseSummaryOf, withoutPurchase } from '../member'
import { err, ok, type Result } from '../result'
import { auditOperatorOf, type PurchaseAuditEntry, type ReversalAuditEntry } from './audit'
import { reversalAuthority } from './permissions'
import { reversalKeyOf } from './purchaseKey'
import type { StaffMember } from './staffMember'

/** What reversing a purchase changes: the member, the reverse entry (none for a purchase without points), the purchase marked reversed and the reversal's audit entry. */
export interface ReversalDecision {
  readonly member: Member
  /** The referrer with the referral reward taken back, when the purchase paid one. */
  readonly referrer: Member | null
  readonly entries: readonly LedgerEntry[]
  readonly purchase: PurchaseAuditEntry
  readonly audit: ReversalAuditEntry
}

interface ReversalContext {
  readonly staff: StaffMember
  readonly reason: string
  readonly nowMs: number
}

/**
 * Points an earn entry gave (its `lotChanges`), taken back from `member` under `key`: from those
 * lots first, never below zero (what was already spent is the shortfall).
 */
function takeBackPoints(
  member: Member,
  earned: { readonly key: string; readonly lotChanges: readonly LotChange[]; readonly source: string },
  context: ReversalContext,
) {
  const { key, lotChanges } = earned
  if (lotChanges.length === 0) return { wallet: member.points, entry: null, takenBack: 0, shortfall: 0 }
  const outcome = reverseEarn(member.points, { sourceLotChanges: lotChanges, nowMs: context.nowMs })
  const draft = draftEntry('reverse', outcome, {
    source: earned.source,
    operatorId: context.staff.openid,
    idempotencyKey: key,
    createdAtMs: context.nowMs,
    reason: context.reason,
  })
  const entry: LedgerEntry = { _id: key, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] }
  return { wallet: outcome.wallet, entry, takenBack: outcome.takenBack, shortfall: outcome.shortfall }
}

/** The ledger key under which a reversal takes a referral reward back from the referrer. */
export function referralReversalKeyOf(purchaseKey: string): string {
  return `${reversalKeyOf(purchaseKey)}_referral`
}

/**
 * The referral reward a reversed purchase paid, taken back from the referrer (the referral was paid
 * for a qualifying purchase, which the refund undoes); null when it paid none, or when the referrer
 * or the reward's entry is gone.
 */
function takeBackReferral(
  purchase: PurchaseAuditEntry,
  referral: { readonly referrer: Member | null; readonly entry: LedgerEntry | null },
  context: ReversalContext,
) {
  const { referrer, entry } = referral
  if (!purchase.purchase.referralReward || !referrer || !entry) return null
  const taken = takeBackPoints(
    referrer,
    { key: referralReversalKeyOf(purchase._id), lotChanges: entry.lotChanges, source: `reverse:${entry._id}` },
    context,
  )
  return { referrer: { ...referrer, points: taken.wallet }, entry: taken.entry, takenBack: taken.takenBack }
}

/**
 * Reverses a purchase (a refund), once, by a manager of the purchase's store or an admin: takes back
 * exactly the points it awarded (what the member already spent is the shortfall) and its growth,
 * never below zero, and the referral reward it paid the referrer, likewise. The tier and an upgrade
 * gift are kept. Refusals in precedence order: FORBIDDEN, ALREADY_REVERSED, MEMBER_NOT_FOUND.
 */
export function decideReversal(
  state: {
    readonly staff: StaffMember
    readonly purchase: PurchaseAuditEntry
    readonly member: Member | null
    /** The referrer and the reward's ledger entry, read when the purchase paid a referral. */
    readonly referral?: { readonly referrer: Member | null; readonly entry: LedgerEntry | null }
  },
  options: { readonly reason: string; readonly nowMs: number },
): Result<ReversalDecision, 'FORBIDDEN' | 'ALREADY_REVERSED' | 'MEMBER_NOT_FOUND'> {
  const { staff, purchase, member } = state
  const { reason, nowMs } = options
  const allowed = reversalAuthority({ role: staff.role, storeId: staff.storeId }, purchase.storeId)
  if (!allowed.ok) return allowed
  if (purchase.reversedAtMs !== null) return err('ALREADY_REVERSED')
  if (!member) return err('MEMBER_NOT_FOUND')
  const context: ReversalContext = { staff, reason, nowMs }
  const points = takeBackPoints(
    member,
    { key: reversalKeyOf(purchase._id), lotChanges: purchase.purchase.lotChanges, source: `reverse:${purchase._id}` },
    context,
  )
  const referral = state.referral ? takeBackReferral(purchase, state.referral, context) : null
  const growthTakenBack = Math.min(member.growth, purchase.purchase.growth)
  const updated: Member = {
    ...member,
    points: points.wallet,
    growth: member.growth - growthTakenBack,
    ...(member.purchases
      ? { purchases: withoutPurchase(purchaseSummaryOf(member), purchase.amountFen, purchase.createdAtMs) }
      : {}),
  }
  return ok({
    member: updated,
    referrer: referral?.referrer ?? null,
    entries: [points.entry, referral?.entry ?? null].filter((entry): entry is LedgerEntry => entry !== null),
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
        referralTakenBack: referral?.takenBack ?? 0,
      },
    },
  })
}

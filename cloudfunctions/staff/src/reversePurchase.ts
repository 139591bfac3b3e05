import type { ActionErrorCode } from '@shared/contracts'
import { API, type ReversePurchaseResult } from '@shared/contracts'
import { draftEntry, reverseEarn, usableBalance } from '@shared/ledger'
import type { LedgerEntry, Member } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { reversalAuthority, reversalKeyOf } from '@shared/staff'
import { database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from '../../common/cloud'
import type { AuditDocument, PurchaseRecord, StaffDocument } from '../../common/documents/staff'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { auditBase, bindingOf } from './documents'
import { requireStaff } from './requireStaff'

interface Reversing {
  readonly staff: StaffDocument
  readonly purchaseEntryId: string
  readonly reason: string
  readonly nowMs: number
}

/** A purchase's audit entry, or null when the id names something else. */
function purchaseOf(audit: AuditDocument | null): (AuditDocument & { purchase: PurchaseRecord }) | null {
  return audit && audit.action === 'purchase' && audit.purchase
    ? (audit as AuditDocument & { purchase: PurchaseRecord })
    : null
}

/**
 * The reversal transaction: the purchase's audit entry (its `reversedAtMs` is the once-only marker,
 * and the reversal's ledger entry and audit entry are keyed `reverse_<purchase>` besides) and the member.
 */
async function reverseInTransaction(
  transaction: Transaction,
  reversing: Reversing,
  memberId: string,
): Promise<Result<ReversePurchaseResult, ActionErrorCode<'staff', 'reversePurchase'>>> {
  const { staff, purchaseEntryId, nowMs } = reversing
  const purchaseReference = transaction.collection('audit').doc(purchaseEntryId)
  const memberReference = transaction.collection('members').doc(memberId)
  const [stored, member] = await Promise.all([
    readDocument<AuditDocument>(purchaseReference),
    readDocument<Member>(memberReference),
  ])
  const purchase = purchaseOf(stored)
  if (!purchase) return err('PURCHASE_NOT_FOUND')
  if (purchase.reversedAtMs !== null) return err('ALREADY_REVERSED')
  if (!member) return err('MEMBER_NOT_FOUND')
  const key = reversalKeyOf(purchaseEntryId)
  const points = purchase.points ?? 0
  const entries: LedgerEntry[] = []
  let wallet = member.points
  let takenBack = 0
  let shortfall = 0
  if (purchase.purchase.lotChanges.length > 0) {
    const outcome = reverseEarn(member.points, { sourceLotChanges: purchase.purchase.lotChanges, nowMs })
    const draft = draftEntry('reverse', outcome, {
      source: `reverse:${purchaseEntryId}`,
      operatorId: staff.openid,
      idempotencyKey: key,
      createdAtMs: nowMs,
      reason: reversing.reason,
    })
    entries.push({ _id: key, memberId, ...draft, lotChanges: [...draft.lotChanges] })
    wallet = outcome.wallet
    takenBack = outcome.takenBack
    shortfall = outcome.shortfall
  }
  const growthTakenBack = Math.min(member.growth, purchase.purchase.growth)
  const updated: Member = { ...member, points: wallet, growth: member.growth - growthTakenBack }
  const balanceBefore = usableBalance(member.points, nowMs)
  const balanceAfter = usableBalance(wallet, nowMs)
  const audit = auditBase(staff, {
    _id: key,
    action: 'reversePurchase',
    createdAtMs: nowMs,
    // The reversal belongs to the purchase's store, whoever reversed it (an admin has no store).
    storeId: purchase.storeId,
    memberId,
    amountFen: purchase.amountFen,
    points: -takenBack,
    balanceBefore,
    balanceAfter,
    subjectId: purchaseEntryId,
    note: reversing.reason,
    reversal: { purchaseEntryId, reason: reversing.reason, takenBack, shortfall, growthTakenBack },
  })
  const { _id, ...memberFields } = updated
  await Promise.all([
    ...entries.map((entry) => transaction.collection('ledger').add({ data: { ...entry } })),
    memberReference.set({ data: memberFields }),
    purchaseReference.update({ data: { reversedAtMs: nowMs } }),
    transaction.collection('audit').add({ data: { ...audit } }),
  ])
  return ok({
    purchaseEntryId,
    memberId,
    points,
    takenBack,
    shortfall,
    growthTakenBack,
    balanceBefore,
    balanceAfter,
    reversedAtMs: nowMs,
  })
}

/**
 * `staff.reversePurchase` (a refund): takes back exactly what the purchase awarded, once, by a manager
 * of the purchase's store or an admin. Points come back from the lots the purchase created first,
 * then from other usable lots, never below zero: what the member already spent is the shortfall,
 * recorded on the reversal's ledger and audit entries and answered. Growth the purchase gave is taken
 * back too (never below zero).
 *
 * Deliberately kept: the tier (downgrades happen only at the period-end evaluation, which will see the
 * lower growth), an upgrade gift the purchase triggered (it rewarded reaching the tier, which the
 * member keeps) and the referrer's reward (the referral did happen). The member's `firstPurchaseAtMs`
 * stays too, so a later purchase never pays the referral twice.
 *
 * The purchase's entry is read first to check the caller may reverse it, then one transaction over it
 * and the member writes the reverse entry, the member, `reversedAtMs` and the reversal's audit entry;
 * two reversals at once reverse once (ALREADY_REVERSED). Requests: staff and purchase (2), transaction:
 * start, 2 reads, 4 writes, commit: 10 (9 for a purchase that gave no points).
 */
export const reversePurchase = defineAction(API.staff.reversePurchase, async (input, caller) => {
  const db = database()
  const [staff, stored] = await Promise.all([
    requireStaff(db, caller),
    readDocument<AuditDocument>(db.collection('audit').doc(input.purchaseEntryId)),
  ])
  if (!staff.ok) return staff
  const purchase = purchaseOf(stored)
  if (!purchase || purchase.memberId === null) return err('PURCHASE_NOT_FOUND')
  const allowed = reversalAuthority(bindingOf(staff.data), purchase.storeId)
  if (!allowed.ok) return allowed
  if (purchase.reversedAtMs !== null) return err('ALREADY_REVERSED')
  const memberId = purchase.memberId
  const reversing: Reversing = {
    staff: staff.data,
    purchaseEntryId: input.purchaseEntryId,
    reason: input.reason,
    nowMs: caller.nowMs,
  }
  return db.runTransaction(
    (transaction) => reverseInTransaction(transaction, reversing, memberId),
    TRANSACTION_ATTEMPTS_MAX,
  )
})

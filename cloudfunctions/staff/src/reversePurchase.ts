import type { ActionErrorCode } from '@shared/contracts'
import { API, type ReversePurchaseResult } from '@shared/contracts'
import { err, ok, type Result } from '@shared/result'
import { decideReversal, purchaseEntryOf, type ReversalDecision, referralEntryKeyOf } from '@shared/staff'
import { database } from '../../common/cloud'
import { requireStaff } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'

/** The answer to a reversal, from what it decided. */
function resultOf(decision: ReversalDecision): ReversePurchaseResult {
  const { audit, purchase } = decision
  return {
    purchaseEntryId: purchase._id,
    memberId: audit.memberId,
    points: purchase.points,
    takenBack: audit.reversal.takenBack,
    shortfall: audit.reversal.shortfall,
    growthTakenBack: audit.reversal.growthTakenBack,
    referralTakenBack: audit.reversal.referralTakenBack ?? 0,
    balanceBefore: audit.balanceBefore,
    balanceAfter: audit.balanceAfter,
    reversedAtMs: audit.createdAtMs,
  }
}

/**
 * `staff.reversePurchase` (a refund): takes back exactly what the purchase awarded, once, by a manager
 * of the purchase's store or an admin (see `decideReversal`: points from the purchase's own lots
 * first, never below zero, the rest recorded as the shortfall; its growth, never below zero).
 *
 * Taken back too: the referral reward the purchase paid (it was paid for a qualifying first purchase,
 * which the refund undoes), from the referrer's lots, never below zero. Deliberately kept: the tier
 * (downgrades happen only at the period-end evaluation, which will see the lower growth) and an
 * upgrade gift the purchase triggered (it rewarded reaching the tier, which the member keeps). The
 * member's `firstPurchaseAtMs` stays too, so a later purchase never pays the referral again.
 *
 * One unit of work reads the purchase's audit entry (its `reversedAtMs` is the once-only marker, and
 * the reversal's ledger and audit entries are keyed `reverse_<purchase>` besides), checks the
 * caller's authority on that read, reads the member it names, and writes the reverse entry, the
 * member, the purchase marked reversed and the reversal's audit entry; two reversals at once reverse
 * once (ALREADY_REVERSED). Requests: staff (1), transaction: start, purchase (1), member (1), 4
 * writes, commit: 9 (8 for a purchase that gave no points); a purchase that paid a referral reads
 * the referrer and the reward's entry with the member, and writes the referrer and a second
 * reverse entry: 13.
 */
export const reversePurchase = defineAction(API.staff.reversePurchase, async (input, caller) => {
  const db = database()
  const staff = await requireStaff(db, caller)
  if (!staff.ok) return staff
  return runUnitOfWork(
    db,
    async (unit): Promise<Result<ReversePurchaseResult, ActionErrorCode<'staff', 'reversePurchase'>>> => {
      const purchase = purchaseEntryOf(await unit.read('audit', input.purchaseEntryId))
      if (!purchase) return err('PURCHASE_NOT_FOUND')
      const reward = purchase.purchase.referralReward
      const [member, referrer, rewardEntry] = await Promise.all([
        unit.read('members', purchase.memberId),
        reward ? unit.read('members', reward.referrerMemberId) : null,
        reward ? unit.read('ledger', referralEntryKeyOf(purchase.memberId)) : null,
      ])
      const decided = decideReversal(
        { staff: staff.data, purchase, member, referral: { referrer, entry: rewardEntry } },
        { reason: input.reason, nowMs: caller.nowMs },
      )
      if (!decided.ok) return decided
      const storeId = purchase.storeId ?? null
      for (const entry of decided.data.entries) unit.createLedgerEntry(entry, storeId)
      unit.tally({ storeId, atMs: caller.nowMs }, { reversals: 1, reversedAmountFen: purchase.amountFen })
      unit.replace('members', decided.data.member)
      if (decided.data.referrer) unit.replace('members', decided.data.referrer)
      unit.replace('audit', decided.data.purchase)
      unit.create('audit', decided.data.audit)
      return ok(resultOf(decided.data))
    },
  )
})

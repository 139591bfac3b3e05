import { type Approval, type ApprovalDecision, approvalDecidable, approvalViewOf } from '@shared/approvals/approval'
import {
  type ActionErrorCode,
  API,
  type DecideApprovalResult,
  type decideApprovalInput,
  type RecordPurchaseResult,
} from '@shared/contracts'
import type { Programme } from '@shared/programme/schema'
import { type Err, err, ok, type Result } from '@shared/result'
import { type ApprovalDecisionAuditEntry, auditOperatorOf } from '@shared/staff'
import type { z } from 'zod'
import { database } from '../../common/cloud'
import type { StaffDocument } from '../../common/documents/staff'
import { currentProgramme } from '../../common/programmeStore'
import { type Recorded, recordedOf, recordPurchaseIn, withUpgradeGiftCoupons } from '../../common/purchaseRecording'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'

/** More pending requests than a store's day could make: the console shows the newest. */
const APPROVALS_MAX = 100

type Input = z.output<typeof decideApprovalInput>
type Answer = Result<DecideApprovalResult, ActionErrorCode<'admin', 'decideApproval'>>

/**
 * `admin.listApprovals`: the pending requests, newest first: a manager's own store's, all for an admin.
 * Requests: staff (1), the query (1): 2.
 */
export const listApprovals = defineAction(API.admin.listApprovals, async (_input, caller) => {
  const db = database()
  const staff = await requireManager(db, caller)
  if (!staff.ok) return staff
  const own = staff.data.role === 'admin' ? {} : { storeId: staff.data.storeId ?? '' }
  const { data } = await db
    .collection('approvals')
    .where({ ...own, status: 'pending' })
    .orderBy('requestedAtMs', 'desc')
    .limit(APPROVALS_MAX)
    .get()
  return ok({ approvals: data.map(approvalViewOf) })
})

/** The answer to a decision already taken by this request id; APPROVAL_DECIDED for any other request. */
function replayOf(approval: Approval, input: Input): Answer {
  const decided = approval.decided
  if (!decided || decided.requestId !== input.requestId || decided.decision !== input.decision) {
    return err('APPROVAL_DECIDED')
  }
  return ok({
    approvalId: approval._id,
    status: approval.status,
    purchaseEntryId: decided.purchaseEntryId,
    points: 0,
    replayed: true,
  })
}

interface Deciding {
  readonly staff: StaffDocument
  readonly programme: Programme
  readonly input: Input
  readonly nowMs: number
}

/** The clerk's purchase recorded by the manager, exactly as `recordPurchase` would, in the clerk's store. */
async function recordApproved(unit: UnitOfWork, approval: Approval, deciding: Deciding): Promise<Recorded> {
  const recorded = await recordPurchaseIn(unit, {
    openid: deciding.staff.openid,
    programme: deciding.programme,
    input: { amountFen: approval.amountFen, receiptNo: approval.receiptNo ?? undefined, requestId: approval.requestId },
    memberId: ok(approval.memberId),
    nowMs: deciding.nowMs,
    approved: { clerkOpenid: approval.clerkOpenid, storeId: approval.storeId },
  })
  return recordedOf(recorded)
}

/** recordPurchase's refusal as this action's: the counter session's cannot occur (the approval names the member). */
function refusalOf(refusal: Err<ActionErrorCode<'staff', 'recordPurchase'>>): Answer {
  const { code } = refusal
  if (code === 'COUNTER_SESSION_EXPIRED' || code === 'COUNTER_SESSION_INVALID') return err('INTERNAL')
  return { ...refusal, code }
}

/** The decision's audit entry, filed under the clerk's store (an admin deciding has none of their own). */
function decisionEntryOf(
  approval: Approval,
  decided: ApprovalDecision,
  deciding: Deciding,
): ApprovalDecisionAuditEntry {
  return {
    _id: `approval_${approval._id}`,
    ...auditOperatorOf(deciding.staff),
    storeId: approval.storeId,
    action: 'decideApproval',
    requestId: decided.requestId,
    approvalId: approval._id,
    subjectId: approval._id,
    memberId: approval.memberId,
    amountFen: approval.amountFen,
    reason: decided.reason,
    purchaseEntryId: decided.purchaseEntryId,
    changes: { status: { before: approval.status, after: decided.decision === 'approve' ? 'approved' : 'rejected' } },
    note: `申请人 ${approval.clerkName}${decided.reason === null ? '' : `；驳回原因 ${decided.reason}`}`,
    createdAtMs: deciding.nowMs,
  }
}

/** A decision's answer, and the upgrade gift coupons an approved purchase made due. */
interface Decided {
  readonly answer: Answer
  readonly purchase: Recorded | null
}

const answered = (answer: Answer): Decided => ({ answer, purchase: null })

async function decideIn(unit: UnitOfWork, deciding: Deciding): Promise<Decided> {
  const { staff, input, nowMs } = deciding
  const approval = await unit.read('approvals', input.approvalId)
  if (!approval) return answered(err('APPROVAL_NOT_FOUND'))
  if (approval.status !== 'pending' && approval.decided?.requestId === input.requestId) {
    return answered(replayOf(approval, input))
  }
  const decidable = approvalDecidable(approval, staff, nowMs)
  if (!decidable.ok) return answered(decidable)
  let recorded: Recorded | null = null
  let purchase: RecordPurchaseResult | null = null
  if (input.decision === 'approve') {
    recorded = await recordApproved(unit, approval, deciding)
    if (!recorded.answer.ok) return answered(refusalOf(recorded.answer))
    purchase = recorded.answer.data
  }
  const decided: ApprovalDecision = {
    decision: input.decision,
    requestId: input.requestId,
    openid: staff.openid,
    name: staff.name,
    reason: input.reason ?? null,
    purchaseEntryId: purchase?.purchaseEntryId ?? null,
    decidedAtMs: nowMs,
  }
  const status = input.decision === 'approve' ? 'approved' : 'rejected'
  unit.update('approvals', approval._id, { status, decided })
  unit.create('audit', decisionEntryOf(approval, decided, deciding))
  const answer = ok<DecideApprovalResult>({
    approvalId: approval._id,
    status,
    purchaseEntryId: decided.purchaseEntryId,
    points: purchase?.points ?? 0,
    replayed: false,
  })
  return { answer, purchase: recorded }
}

/**
 * `admin.decideApproval`: a manager (their own store's) or an admin approves or rejects a clerk's
 * pending over-limit purchase. Approving records it in the same transaction as the approval's status,
 * through `recordPurchase`'s own unit of work (the purchase key the clerk's request names, so its points
 * are credited once however many approvals race: the losers run again and find it decided), with the
 * manager as operator and the clerk as `requestedByOpenid`; rejecting keeps the reason. Either way the
 * decision's own audit entry (`approval_<id>`: status before and after, the reason) is written with it.
 * A decided or expired request answers APPROVAL_DECIDED / APPROVAL_EXPIRED; the same request id replays
 * its answer. Requests with the programme cached: staff (1), start, approval (1), then as
 * recordPurchase's unit (staff, audit entry and member, ledger + member + staff + audit) plus the
 * approval and the decision's entry, commit: 13, and one more per upgrade gift the purchase crosses;
 * its gift coupons are issued after the commit as the counter's are (`withUpgradeGiftCoupons`); a
 * rejection: staff, start, approval, approval and the decision's entry, commit: 6.
 */
export const decideApproval = defineAction(API.admin.decideApproval, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireManager(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const deciding: Deciding = { staff: staff.data, programme, input, nowMs: caller.nowMs }
  const { answer, purchase } = await runUnitOfWork(db, (unit) => decideIn(unit, deciding))
  if (!answer.ok || purchase === null) return answer
  const recorded = await withUpgradeGiftCoupons(db, purchase, { programme, nowMs: caller.nowMs })
  if (!recorded.ok || !recorded.data.upgradeGiftCoupons) return answer
  return ok({ ...answer.data, upgradeGiftCoupons: recorded.data.upgradeGiftCoupons })
})

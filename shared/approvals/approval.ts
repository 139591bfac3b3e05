/**
 * A clerk's over-limit purchase waiting for a manager (`approvals/<id>`): what the clerk entered, so
 * that approving it records exactly that purchase, and how it was decided.
 */
import type { ApprovalView } from '../contracts/approvals'
import { err, ok, type Result } from '../result'

/** How long a request waits: a manager decides within the business day or the clerk records it anew. */
export const APPROVAL_TTL_MS = 24 * 60 * 60 * 1000

export type ApprovalStatus = 'pending' | 'approved' | 'rejected'

export interface ApprovalDecision {
  readonly decision: 'approve' | 'reject'
  readonly requestId: string
  readonly openid: string
  readonly name: string
  readonly reason: string | null
  readonly purchaseEntryId: string | null
  readonly decidedAtMs: number
}

export interface Approval {
  readonly _id: string
  readonly storeId: string
  readonly clerkOpenid: string
  readonly clerkName: string
  readonly memberId: string
  /** The member's nickname when the clerk asked (absent on approvals asked before it was kept), so the list needs no member reads. */
  readonly memberNickname?: string | null
  readonly amountFen: number
  readonly receiptNo: string | null
  /** The clerk's purchase request id: the approved purchase is recorded under it. */
  readonly requestId: string
  readonly status: ApprovalStatus
  readonly requestedAtMs: number
  readonly expiresAtMs: number
  readonly decided: ApprovalDecision | null
}

/** One request per clerk and purchase request id, so a retried submission finds the first. */
export function approvalIdOf(clerkOpenid: string, requestId: string): string {
  return `${clerkOpenid}_${requestId}`
}

interface Decider {
  readonly role: 'staff' | 'manager' | 'admin'
  readonly storeId: string | null
}

/**
 * Whether `decider` may decide `approval` now: FORBIDDEN for another store's manager (before anything
 * about the approval shows), APPROVAL_DECIDED once decided, APPROVAL_EXPIRED past its expiry.
 */
export function approvalDecidable(
  approval: Approval,
  decider: Decider,
  nowMs: number,
): Result<Approval, 'FORBIDDEN' | 'APPROVAL_DECIDED' | 'APPROVAL_EXPIRED'> {
  if (decider.role !== 'admin' && decider.storeId !== approval.storeId) return err('FORBIDDEN', '只能审批本店的申请')
  if (approval.status !== 'pending') return err('APPROVAL_DECIDED')
  if (nowMs >= approval.expiresAtMs) return err('APPROVAL_EXPIRED')
  return ok(approval)
}

/** What the console and the counter show of an approval. */
export function approvalViewOf(approval: Approval): ApprovalView {
  return {
    approvalId: approval._id,
    storeId: approval.storeId,
    clerkName: approval.clerkName,
    memberId: approval.memberId,
    memberNickname: approval.memberNickname ?? null,
    amountFen: approval.amountFen,
    receiptNo: approval.receiptNo,
    status: approval.status,
    requestedAtMs: approval.requestedAtMs,
    expiresAtMs: approval.expiresAtMs,
  }
}

/**
 * A clerk's over-limit purchase submitted for a manager's approval (`staff.requestApproval`), the
 * pending requests (`admin.listApprovals`) and the manager's decision (`admin.decideApproval`).
 */
import { z } from 'zod'
import type { ApprovalStatus } from '../approvals/approval'
import type { GiftCouponOutcome } from './gifts'
import { requestIdSchema } from './requestId'
import { recordPurchaseInput } from './staff'

/** The purchase exactly as the clerk tried to record it. */
export const requestApprovalInput = recordPurchaseInput

export const listApprovalsInput = z.object({}).strict()

export const decideApprovalInput = z
  .object({
    requestId: requestIdSchema,
    approvalId: z.string().regex(/^[A-Za-z0-9_-]{1,160}$/, '审批编号格式不正确'),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(100, '原因不能超过 100 个字').optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.decision === 'reject' && !input.reason) {
      context.addIssue({ code: 'custom', path: ['reason'], message: '请填写驳回原因' })
    }
  })

/** An approval as the console shows it. */
export interface ApprovalView {
  readonly approvalId: string
  readonly storeId: string
  readonly clerkName: string
  readonly memberId: string
  readonly memberNickname: string | null
  readonly amountFen: number
  readonly receiptNo: string | null
  readonly status: ApprovalStatus
  readonly requestedAtMs: number
  readonly expiresAtMs: number
}

export interface RequestApprovalResult {
  readonly approval: ApprovalView
  readonly replayed: boolean
}

export interface ApprovalsPage {
  readonly approvals: readonly ApprovalView[]
}

export interface DecideApprovalResult {
  readonly approvalId: string
  readonly status: ApprovalStatus
  /** The purchase's audit entry, when approved. */
  readonly purchaseEntryId: string | null
  readonly points: number
  readonly replayed: boolean
  /** The approved purchase's upgrade gift coupons, when it crossed a tier with one. */
  readonly upgradeGiftCoupons?: readonly GiftCouponOutcome[]
}

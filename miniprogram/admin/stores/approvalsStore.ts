import {
  type ApprovalsPage,
  type ApprovalView,
  type DecideApprovalResult,
  decideApprovalInput,
} from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import { formatFen } from '@shared/money'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'
import { decideFailureText, isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import type { ItemNotice } from './itemEditorStore'

export type Decision = 'approve' | 'reject'

interface ApprovalsStore {
  /** `admin.listApprovals`; `forbidden` for a caller who is neither a manager nor an admin (any more). */
  readonly state: Loadable<ApprovalsPage, 'forbidden'>
  /** The approval whose decision is on its way. */
  readonly busyId: string | null
  readonly notice: ItemNotice | null
  /** Reject reasons as typed, by approval. */
  readonly reasons: Readonly<Record<string, string>>
  /** A reject reason's problem, shown under its field, by approval. */
  readonly reasonErrors: Readonly<Record<string, string>>
  load(): Promise<void>
  setReason(approvalId: string, text: string): void
  /** Approves or rejects (with the typed reason); true once decided by this call or an earlier one; null while another is on its way. */
  decide(approvalId: string, decision: Decision): Promise<boolean | null>
  reset(): void
}

// Kept while a decision's outcome is unknown, so deciding again replays it instead of deciding twice.
let pending: { readonly key: string; readonly requestId: string } | null = null

function requestIdFor(key: string): string {
  if (pending?.key !== key) pending = { key, requestId: newRequestId() }
  return pending.requestId
}

const CHECKING_REQUEST_ID = 'form-check'

/** Refusals after which the request is no longer pending: it leaves the list. */
const GONE: readonly ErrorCode[] = ['APPROVAL_DECIDED', 'APPROVAL_EXPIRED', 'APPROVAL_NOT_FOUND']

function doneText(approval: ApprovalView, result: DecideApprovalResult): string {
  const purchase = `${approval.clerkName} 提交的 ${formatFen(approval.amountFen)} 消费`
  if (result.status === 'rejected') return result.replayed ? `${purchase}此前已驳回` : `已驳回${purchase}`
  if (result.replayed) return `${purchase}此前已批准，积分已发放，未重复发放`
  return `已批准${purchase}，会员获得 ${result.points} 积分`
}

const INITIAL = { state: { status: 'idle' }, busyId: null, notice: null, reasons: {}, reasonErrors: {} } as const

/** The 审批 screen: the pending over-limit purchases and the decisions taken on them. */
export const useApprovalsStore = create<ApprovalsStore>((set, get) => {
  function withoutRow(approvalId: string): Partial<ApprovalsStore> {
    const { state } = get()
    if (state.status !== 'ready') return {}
    const approvals = state.data.approvals.filter((approval) => approval.approvalId !== approvalId)
    return { state: { status: 'ready', data: { approvals } } }
  }

  // One decision at a time: a tap while one is on its way sends nothing (null).
  const send = submitOnce(async (approval: ApprovalView, input: z.output<typeof decideApprovalInput>) => {
    const { approvalId } = approval
    set({ busyId: approvalId, notice: null })
    const answer = await callAction('admin', 'decideApproval', input)
    if (answer.ok || !isOutcomeUnknown(answer.code)) pending = null
    if (answer.ok) {
      set({ busyId: null, notice: { tone: 'ok', text: doneText(approval, answer.data) }, ...withoutRow(approvalId) })
      return true
    }
    const gone = GONE.includes(answer.code)
    set({
      busyId: null,
      notice: { tone: 'failed', text: decideFailureText(answer.code, answer.message) },
      ...(gone ? withoutRow(approvalId) : {}),
    })
    return false
  })

  return {
    ...INITIAL,
    async load() {
      await loadInto({
        current: get().state,
        write: (state) => set({ state }),
        request: () => callAction('admin', 'listApprovals', {}),
        refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      })
    },
    setReason(approvalId, text) {
      set({
        reasons: { ...get().reasons, [approvalId]: text },
        reasonErrors: { ...get().reasonErrors, [approvalId]: '' },
      })
    },
    async decide(approvalId, decision) {
      const { state } = get()
      const approval = state.status === 'ready' ? state.data.approvals.find((a) => a.approvalId === approvalId) : null
      if (!approval) return false
      const reason = decision === 'reject' ? (get().reasons[approvalId] ?? '').trim() : undefined
      const key = `${approvalId}|${decision}|${reason ?? ''}`
      // The contract's own rules for the reason (required, at most 100 characters), said at the field.
      // Checked before a request id is taken, so a bad reason keeps another decision's pending id.
      const input = {
        approvalId,
        decision,
        requestId: CHECKING_REQUEST_ID,
        ...(reason === undefined ? {} : { reason }),
      }
      const parsed = decideApprovalInput.safeParse(input)
      if (!parsed.success) {
        const problem = parsed.error.issues.find((issue) => issue.path[0] === 'reason')
        set({
          reasonErrors: { ...get().reasonErrors, [approvalId]: problem?.message ?? '请检查驳回原因' },
          notice: null,
        })
        return false
      }
      return send(approval, { ...parsed.data, requestId: requestIdFor(key) })
    },
    reset() {
      pending = null
      set(INITIAL)
    },
  }
})

import type {
  ApiEnvelope,
  ApprovalView,
  CounterMember,
  PurchasePreview,
  RecordPurchaseResult,
  RequestApprovalResult,
} from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import type { Loadable } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { type KeypadKey, pressKey, purchaseFenOf } from '../utils/keypadAmount'

/** How long the keypad must rest before the points preview is asked for: one call per amount, not per key. */
export const PREVIEW_DEBOUNCE_MS = 300

/** The preview of the points the typed amount will give. */
export type PurchasePreviewState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly preview: PurchasePreview }
  | { readonly status: 'refused'; readonly message: string }

/** Where recording the purchase stands. `failed` with `retryable` means the outcome is unknown. */
export type RecordingState =
  | { readonly status: 'idle' | 'recording' }
  | { readonly status: 'done'; readonly result: RecordPurchaseResult }
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly message: string; readonly retryable: boolean }

/** A purchase the clerk's limits refused, exactly as it was sent: submitting it for approval sends it again. */
export interface OverLimitPurchase {
  readonly session: string
  readonly amountFen: number
  readonly receiptNo: string | null
  readonly requestId: string
}

/** Where submitting the refused purchase to the manager stands. `failed` may be submitted again, under the same request id. */
export type ApprovalRequestState =
  | { readonly status: 'idle' | 'submitting' }
  | { readonly status: 'submitted'; readonly approval: ApprovalView; readonly replayed: boolean }
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly message: string }

interface MemberPanelStore {
  readonly token: string | null
  readonly member: Loadable<CounterMember>
  /** The amount as typed on the keypad, in yuan (`88.5`). */
  readonly amountText: string
  readonly receiptNo: string
  readonly preview: PurchasePreviewState
  readonly recording: RecordingState
  /** The request id of the purchase in progress, kept while its outcome is unknown. */
  readonly pendingRequestId: string | null
  /** The last purchase refused with MANAGER_APPROVAL_REQUIRED, until the next one is typed. */
  readonly overLimit: OverLimitPurchase | null
  readonly approvalRequest: ApprovalRequestState
  /** Resolves the scanned member code to the member at the counter. */
  load(token: string): Promise<void>
  /** One keypad key; the preview follows once the keypad rests. */
  press(key: KeypadKey): void
  setReceiptNo(text: string): void
  /** Records the typed amount after the cashier confirmed: a new confirmation, so a new request id. */
  record(): Promise<ApiEnvelope<RecordPurchaseResult> | null>
  /** Sends the purchase whose outcome is unknown again, with the same request id. */
  retryRecord(): Promise<ApiEnvelope<RecordPurchaseResult> | null>
  /**
   * Submits the refused purchase to the store's manager (`staff.requestApproval`) with its own request
   * id, so that a retry answers the same approval; null when there is none or one is on its way.
   */
  requestApproval(): Promise<ApiEnvelope<RequestApprovalResult> | null>
  /** Takes a coupon just verified off the member's usable coupons. */
  dropCoupon(couponId: string): void
  /** Clears the keypad, receipt number and result for the member's next purchase. */
  startNext(): void
  reset(): void
}

// Bumped by reset(): answers that arrive for an older generation belong to a page that is gone.
let generation = 0
let previewTimer: ReturnType<typeof setTimeout> | null = null

function cancelPreview(): void {
  if (previewTimer !== null) clearTimeout(previewTimer)
  previewTimer = null
}

const EMPTY_ENTRY = {
  amountText: '',
  receiptNo: '',
  preview: { status: 'idle' },
  recording: { status: 'idle' },
  pendingRequestId: null,
  overLimit: null,
  approvalRequest: { status: 'idle' },
} as const

/**
 * The member panel: who is at the counter (`staff.resolveMemberCode`), the purchase typed on the
 * keypad with a live preview (`staff.previewPurchase`) and recording it (`staff.recordPurchase`).
 * Both name the member by the counter session the scan answered: after COUNTER_SESSION_TTL_MS the
 * function answers COUNTER_SESSION_EXPIRED and the page asks for the member code again. A purchase
 * above the clerk's limits (MANAGER_APPROVAL_REQUIRED) can be submitted to the manager as it was sent
 * (`staff.requestApproval`).
 */
export const useMemberPanelStore = create<MemberPanelStore>((set, get) => {
  async function askPreview(session: string, amountFen: number): Promise<void> {
    const requested = generation
    const answer = await callAction('staff', 'previewPurchase', { session, amountFen })
    // A newer amount has been typed since: its own preview is on its way.
    if (requested !== generation || purchaseFenOf(get().amountText) !== amountFen) return
    set({
      preview: answer.ok ? { status: 'ready', preview: answer.data } : { status: 'refused', message: answer.message },
    })
  }

  function schedulePreview(): void {
    cancelPreview()
    const { member, amountText } = get()
    const amountFen = purchaseFenOf(amountText)
    if (member.status !== 'ready' || amountFen === null) {
      set({ preview: { status: 'idle' } })
      return
    }
    set({ preview: { status: 'loading' } })
    const session = member.data.session.token
    previewTimer = setTimeout(() => {
      previewTimer = null
      void askPreview(session, amountFen)
    }, PREVIEW_DEBOUNCE_MS)
  }

  // One purchase at a time: a confirmation while one is on its way sends nothing (null).
  const submit = submitOnce(async (requestId: string): Promise<ApiEnvelope<RecordPurchaseResult> | null> => {
    const { member, amountText, receiptNo } = get()
    const amountFen = purchaseFenOf(amountText)
    if (member.status !== 'ready' || amountFen === null) return null
    const requested = generation
    set({ recording: { status: 'recording' }, pendingRequestId: requestId })
    const trimmedReceipt = receiptNo.trim()
    const answer = await callAction('staff', 'recordPurchase', {
      session: member.data.session.token,
      amountFen,
      requestId,
      ...(trimmedReceipt === '' ? {} : { receiptNo: trimmedReceipt }),
    })
    if (requested !== generation) return answer
    if (answer.ok) {
      const { balanceAfter, upgradedTo } = answer.data
      set({
        recording: { status: 'done', result: answer.data },
        pendingRequestId: null,
        member: {
          status: 'ready',
          data: { ...member.data, balance: balanceAfter, tier: upgradedTo ?? member.data.tier },
        },
      })
    } else {
      const retryable = isOutcomeUnknown(answer.code)
      const overLimit: OverLimitPurchase | null =
        answer.code === 'MANAGER_APPROVAL_REQUIRED'
          ? { session: member.data.session.token, amountFen, receiptNo: trimmedReceipt || null, requestId }
          : null
      set({
        recording: { status: 'failed', code: answer.code, message: answer.message, retryable },
        pendingRequestId: retryable ? requestId : null,
        overLimit,
        approvalRequest: { status: 'idle' },
      })
    }
    return answer
  })

  // One submission at a time; once submitted, the page offers no second one (the server would replay it anyway).
  const submitApproval = submitOnce(async (): Promise<ApiEnvelope<RequestApprovalResult> | null> => {
    const { overLimit, approvalRequest } = get()
    if (overLimit === null || approvalRequest.status === 'submitted') return null
    const requested = generation
    set({ approvalRequest: { status: 'submitting' } })
    const { receiptNo, ...purchase } = overLimit
    const answer = await callAction('staff', 'requestApproval', {
      ...purchase,
      ...(receiptNo === null ? {} : { receiptNo }),
    })
    // Another member, or the next purchase: this answer is not for the page any more.
    if (requested !== generation || get().overLimit !== overLimit) return answer
    set({
      approvalRequest: answer.ok
        ? { status: 'submitted', approval: answer.data.approval, replayed: answer.data.replayed }
        : { status: 'failed', code: answer.code, message: answer.message },
    })
    return answer
  })

  return {
    token: null,
    member: { status: 'idle' },
    ...EMPTY_ENTRY,
    async load(token) {
      const requested = generation
      const keep = get().token === token && get().member.status === 'ready'
      if (keep) return
      cancelPreview()
      set({ token, member: { status: 'loading' }, ...EMPTY_ENTRY })
      const answer = await callAction('staff', 'resolveMemberCode', { token })
      if (requested !== generation) return
      set({ member: answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', message: answer.message } })
    },
    press(key) {
      // Typing after a result (or a submitted approval) starts the next purchase; an unknown outcome
      // keeps its amount for the retry, and a submission on its way keeps the purchase it sends.
      const { recording, approvalRequest } = get()
      if (recording.status === 'recording' || (recording.status === 'failed' && recording.retryable)) return
      if (approvalRequest.status === 'submitting') return
      const next = recording.status === 'done' || approvalRequest.status === 'submitted'
      set({
        amountText: pressKey(next ? '' : get().amountText, key),
        recording: { status: 'idle' },
        pendingRequestId: null,
        overLimit: null,
        approvalRequest: { status: 'idle' },
      })
      schedulePreview()
    },
    setReceiptNo(text) {
      set({ receiptNo: text })
    },
    record() {
      return submit(newRequestId())
    },
    requestApproval() {
      return submitApproval()
    },
    retryRecord() {
      const { pendingRequestId } = get()
      if (pendingRequestId === null) throw new Error('retryRecord() without a pending purchase')
      return submit(pendingRequestId)
    },
    dropCoupon(couponId) {
      const { member } = get()
      if (member.status !== 'ready' || !member.data.coupons.some((coupon) => coupon.id === couponId)) return
      const coupons = member.data.coupons.filter((coupon) => coupon.id !== couponId)
      set({ member: { status: 'ready', data: { ...member.data, coupons } } })
    },
    startNext() {
      cancelPreview()
      set({ ...EMPTY_ENTRY })
    },
    reset() {
      generation += 1
      cancelPreview()
      set({ token: null, member: { status: 'idle' }, ...EMPTY_ENTRY })
    },
  }
})

import type { ApiEnvelope, MallItemDetail, RedeemResult } from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { type Loadable, loadInto } from './loadable'
import { submitOnce } from './submitOnce'

/** Where the member's redemption stands. `failed` with `retryable` means the outcome is unknown. */
export type RedemptionState =
  | { readonly status: 'idle' | 'redeeming' }
  | { readonly status: 'done'; readonly result: RedeemResult }
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly message: string; readonly retryable: boolean }

interface MallItemStore {
  readonly itemId: string | null
  readonly state: Loadable<MallItemDetail>
  readonly redemption: RedemptionState
  /** The request id of the confirmation in progress, kept while its outcome is unknown. */
  readonly pendingRequestId: string | null
  /** Loads an item; reloading the same item keeps it on screen. */
  load(itemId: string): Promise<void>
  /** Redeems after the member confirmed: a new confirmation, so a new request id. */
  redeem(): Promise<ApiEnvelope<RedeemResult> | null>
  /** Sends the confirmation whose outcome is unknown again, with the same request id. */
  retry(): Promise<ApiEnvelope<RedeemResult> | null>
  reset(): void
}

// Bumped by reset(): answers that arrive for an older generation belong to a page that is gone.
let generation = 0

/** One mall item and redeeming it through `mall.item` and `mall.redeem`. */
export const useMallItemStore = create<MallItemStore>((set, get) => {
  // One redemption at a time: a confirmation while one is on its way sends nothing (null).
  const submit = submitOnce(async (itemId: string, requestId: string): Promise<ApiEnvelope<RedeemResult>> => {
    const requested = generation
    set({ redemption: { status: 'redeeming' }, pendingRequestId: requestId })
    const answer = await callAction('mall', 'redeem', { itemId, requestId })
    if (requested !== generation) return answer
    if (answer.ok) {
      set({ redemption: { status: 'done', result: answer.data }, pendingRequestId: null })
    } else {
      const retryable = isOutcomeUnknown(answer.code)
      set({
        redemption: { status: 'failed', code: answer.code, message: answer.message, retryable },
        pendingRequestId: retryable ? requestId : null,
      })
    }
    // Balance, stock and the reason shown change with any definite answer: show the truth.
    if (answer.ok || !isOutcomeUnknown(answer.code)) await get().load(itemId)
    return answer
  })

  return {
    itemId: null,
    state: { status: 'idle' },
    redemption: { status: 'idle' },
    pendingRequestId: null,
    async load(itemId) {
      const requested = generation
      const current = get()
      set({ itemId })
      await loadInto({
        current: current.state,
        write: (state) => set({ state }),
        request: () => callAction('mall', 'item', { itemId }),
        quiet: current.itemId === itemId && current.state.status === 'ready',
        stillWanted: () => requested === generation,
      })
    },
    redeem() {
      const { itemId } = get()
      if (itemId === null) throw new Error('redeem() before load()')
      return submit(itemId, newRequestId())
    },
    retry() {
      const { itemId, pendingRequestId } = get()
      if (itemId === null || pendingRequestId === null) throw new Error('retry() without a pending redemption')
      return submit(itemId, pendingRequestId)
    },
    reset() {
      generation += 1
      set({ itemId: null, state: { status: 'idle' }, redemption: { status: 'idle' }, pendingRequestId: null })
    },
  }
})

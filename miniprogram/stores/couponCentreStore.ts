import type { ApiEnvelope, ClaimableTemplate, ClaimResult } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { isOutcomeUnknown } from '@/utils/refusals'
import { newRequestId } from '@/utils/requestId'
import { type Loadable, loadInto } from './loadable'
import { submitOnce } from './submitOnce'

interface CouponCentreStore {
  readonly state: Loadable<readonly ClaimableTemplate[]>
  /** The template being claimed: its button waits. */
  readonly claiming: string | null
  /** Request ids of claims whose outcome is unknown, by template: the next tap sends the same one. */
  readonly pendingRequestIds: Readonly<Record<string, string>>
  /** Fetches the claim centre; with templates on screen it refreshes quietly. */
  load(): Promise<void>
  /** Claims one coupon of a template, then reloads the centre so counts and buttons show the truth. */
  claim(templateId: string): Promise<ApiEnvelope<ClaimResult> | null>
  reset(): void
}

/** The coupon claim centre from `coupon.claimable`, and claiming with `coupon.claim`. */
export const useCouponCentreStore = create<CouponCentreStore>((set, get) => ({
  state: { status: 'idle' },
  claiming: null,
  pendingRequestIds: {},
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('coupon', 'claimable', {}),
      pick: (answer) => answer.templates,
    })
  },
  // One claim at a time: a tap while one is on its way sends nothing (null).
  claim: submitOnce(async (templateId: string): Promise<ApiEnvelope<ClaimResult>> => {
    // A claim whose answer never arrived may have gone through: asking again with its id cannot claim twice.
    const requestId = get().pendingRequestIds[templateId] ?? newRequestId()
    set({ claiming: templateId, pendingRequestIds: { ...get().pendingRequestIds, [templateId]: requestId } })
    const answer = await callAction('coupon', 'claim', { templateId, requestId })
    if (answer.ok || !isOutcomeUnknown(answer.code)) {
      const { [templateId]: _settled, ...others } = get().pendingRequestIds
      set({ pendingRequestIds: others })
      await get().load()
    }
    set({ claiming: null })
    return answer
  }),
  reset() {
    set({ state: { status: 'idle' }, claiming: null, pendingRequestIds: {} })
  },
}))

import type { ApiEnvelope, CancelOrderResult, PickupOrderView } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'
import { submitOnce } from './submitOnce'

interface OrdersStore {
  readonly state: Loadable<readonly PickupOrderView[]>
  /** The order being cancelled: its button waits. */
  readonly cancelling: string | null
  /** Fetches the orders; with a list on screen it refreshes quietly. */
  load(): Promise<void>
  /** Cancels an unclaimed pickup order; the list shows the cancelled order on success, the truth on refusal. */
  cancel(orderId: string): Promise<ApiEnvelope<CancelOrderResult> | null>
  reset(): void
}

/** The member's pickup orders from `mall.orders`, and cancelling one with `mall.cancelOrder`. */
export const useOrdersStore = create<OrdersStore>((set, get) => ({
  state: { status: 'idle' },
  cancelling: null,
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('mall', 'orders', {}),
      pick: (answer) => answer.orders,
    })
  },
  // One cancellation at a time: a tap while one is on its way sends nothing (null).
  cancel: submitOnce(async (orderId: string): Promise<ApiEnvelope<CancelOrderResult>> => {
    set({ cancelling: orderId })
    const answer = await callAction('mall', 'cancelOrder', { orderId })
    const current = get().state
    if (answer.ok && current.status === 'ready') {
      const cancelled = answer.data.order
      set({
        state: { status: 'ready', data: current.data.map((order) => (order.id === cancelled.id ? cancelled : order)) },
      })
    } else if (!answer.ok) {
      await get().load()
    }
    set({ cancelling: null })
    return answer
  }),
  reset() {
    set({ state: { status: 'idle' }, cancelling: null })
  },
}))

import type { ReversePurchaseResult, TodayActivity } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import { submitOnce } from '@/stores/submitOnce'

/** Whose actions the list shows: the caller's own, or the whole store's (managers and admins). */
export type TodayScope = 'mine' | 'store'

/** Where reversing a purchase stands. */
export type ReversalState =
  | { readonly status: 'idle' }
  | { readonly status: 'reversing'; readonly entryId: string }
  | { readonly status: 'done'; readonly result: ReversePurchaseResult }
  | { readonly status: 'failed'; readonly message: string }

interface TodayStore {
  readonly scope: TodayScope
  readonly state: Loadable<TodayActivity>
  readonly reversal: ReversalState
  /** Loads today's actions for `scope` (the current one by default); a reload keeps the list on screen. */
  load(scope?: TodayScope): Promise<void>
  /** Reverses a purchase after the manager confirmed it with a reason, then reloads the list. */
  reverse(input: { purchaseEntryId: string; reason: string }): Promise<unknown>
  /** Closes the reversal's result. */
  dismissReversal(): void
  reset(): void
}

// Bumped by reset(): answers that arrive for an older generation belong to a page that is gone.
let generation = 0

/** Today's audit entries (`staff.today`) and reversing a purchase from them (`staff.reversePurchase`). */
export const useTodayStore = create<TodayStore>((set, get) => ({
  scope: 'mine',
  state: { status: 'idle' },
  reversal: { status: 'idle' },
  async load(scope = get().scope) {
    const requested = generation
    const current = get()
    set({ scope })
    await loadInto({
      current: current.state,
      write: (state) => set({ state }),
      request: () => callAction('staff', 'today', { scope }),
      quiet: scope === current.scope && current.state.status === 'ready',
      stillWanted: () => requested === generation && get().scope === scope,
    })
  },
  // One reversal at a time: a tap while one is on its way sends nothing.
  reverse: submitOnce(async ({ purchaseEntryId, reason }: { purchaseEntryId: string; reason: string }) => {
    const requested = generation
    set({ reversal: { status: 'reversing', entryId: purchaseEntryId } })
    const answer = await callAction('staff', 'reversePurchase', { purchaseEntryId, reason: reason.trim() })
    if (requested !== generation) return
    set({
      reversal: answer.ok ? { status: 'done', result: answer.data } : { status: 'failed', message: answer.message },
    })
    await get().load()
  }),
  dismissReversal() {
    set({ reversal: { status: 'idle' } })
  },
  reset() {
    generation += 1
    set({ scope: 'mine', state: { status: 'idle' }, reversal: { status: 'idle' } })
  },
}))

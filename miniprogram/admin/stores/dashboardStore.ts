import type { DashboardResult } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'
import type { DashboardDays } from '../utils/dashboardText'

interface DashboardStore {
  /** `admin.dashboard` for the chosen range and store; `forbidden` for a caller who may not read it. */
  readonly state: Loadable<DashboardResult, 'forbidden'>
  readonly days: DashboardDays
  /** The store chosen by an admin; null: the whole chain (a manager always reads their own store). */
  readonly storeId: string | null
  load(): Promise<void>
  chooseDays(days: DashboardDays): Promise<void>
  chooseStore(storeId: string | null): Promise<void>
  reset(): void
}

// Bumped by every new choice and by reset(): an answer for an older choice is not shown.
let generation = 0

/** The dashboard screen: the last 1, 7 or 30 business days, for the chain or one store, beside the range before. */
export const useDashboardStore = create<DashboardStore>((set, get) => ({
  state: { status: 'idle' },
  days: 7,
  storeId: null,
  async load() {
    const requested = generation
    const { days, storeId } = get()
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'dashboard', { lastDays: days, ...(storeId === null ? {} : { storeId }) }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      // Another range or store on its way: its figures must not be taken for this one's.
      quiet: false,
      stillWanted: () => requested === generation,
    })
  },
  async chooseDays(days) {
    generation += 1
    set({ days })
    await get().load()
  },
  async chooseStore(storeId) {
    generation += 1
    set({ storeId })
    await get().load()
  },
  reset() {
    generation += 1
    set({ state: { status: 'idle' }, days: 7, storeId: null })
  },
}))

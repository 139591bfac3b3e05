import type { AdminStores, StoreView } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface StoreListStore {
  /** `admin.listStores`; `forbidden` for a caller who is neither a manager nor an admin (any more). */
  readonly state: Loadable<AdminStores, 'forbidden'>
  load(): Promise<void>
  /** Loads the list unless it is here: the store form opens from it. */
  ensureLoaded(): Promise<void>
  /** Puts a store a write answered in the list, so returning to it shows the change at once. */
  replace(store: StoreView): void
}

/** The stores screen's list: every store for an admin, the manager's own for a manager. */
export const useStoreListStore = create<StoreListStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'listStores', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
  async ensureLoaded() {
    if (get().state.status !== 'ready') await get().load()
  },
  replace(store) {
    const { state } = get()
    if (state.status !== 'ready') return
    const others = state.data.stores.filter((other) => other.id !== store.id)
    const stores = [...others, store].sort((a, b) => a.id.localeCompare(b.id))
    set({ state: { status: 'ready', data: { ...state.data, stores } } })
  },
}))

/** A store of the loaded list by id; null when the list is not here or has no such store. */
export function selectStore(state: StoreListStore['state'], storeId: string): StoreView | null {
  return state.status === 'ready' ? (state.data.stores.find((store) => store.id === storeId) ?? null) : null
}

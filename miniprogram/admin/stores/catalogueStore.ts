import type { AdminItems, AdminItemView } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface CatalogueStore {
  /** `admin.listItems`; `forbidden` for a caller who is neither a manager nor an admin (any more). */
  readonly state: Loadable<AdminItems, 'forbidden'>
  /** Loads every item; a reload keeps the list on screen. */
  load(): Promise<void>
  /** Loads the list unless it is here: the edit page opens from it. */
  ensureLoaded(): Promise<void>
  /** Puts an item an admin write answered in the list, so returning to it shows the change at once. */
  replace(item: AdminItemView): void
  reset(): void
}

/** The catalogue screen's items, retired ones too (`admin.listItems`). Managers read, admins edit. */
export const useCatalogueStore = create<CatalogueStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'listItems', {}),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
  async ensureLoaded() {
    if (get().state.status !== 'ready') await get().load()
  },
  replace(item) {
    const { state } = get()
    if (state.status !== 'ready') return
    const others = state.data.items.filter((other) => other.id !== item.id)
    const items = [...others, item].sort((a, b) => a.id.localeCompare(b.id))
    set({ state: { status: 'ready', data: { items } } })
  },
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

/** An item of the loaded list by id; null when the list is not here or has no such item. */
export function selectItem(state: CatalogueStore['state'], itemId: string): AdminItemView | null {
  return state.status === 'ready' ? (state.data.items.find((item) => item.id === itemId) ?? null) : null
}

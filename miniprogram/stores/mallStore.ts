import type { Catalogue } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'

interface MallStore {
  readonly state: Loadable<Catalogue>
  /** Fetches the catalogue; with one on screen it refreshes quietly (no spinner, kept on failure). */
  load(): Promise<void>
  reset(): void
}

/** The points-mall catalogue and the member's balance, from `mall.catalogue`. */
export const useMallStore = create<MallStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('mall', 'catalogue', {}),
    })
  },
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

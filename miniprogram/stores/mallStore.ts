import type { Catalogue } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import type { Loadable } from './loadable'

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
    const hadCatalogue = get().state.status === 'ready'
    if (!hadCatalogue) set({ state: { status: 'loading' } })
    const answer = await callAction('mall', 'catalogue', {})
    if (answer.ok) set({ state: { status: 'ready', data: answer.data } })
    else if (!hadCatalogue) set({ state: { status: 'error', message: answer.message } })
  },
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

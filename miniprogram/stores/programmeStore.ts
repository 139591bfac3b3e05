import type { PublicProgramme } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'

type ProgrammeState = Loadable<PublicProgramme>

interface ProgrammeStore {
  readonly state: ProgrammeState
  load(): Promise<void>
  /** Loads unless the programme is already here or on its way: it rarely changes within a session. */
  ensureLoaded(): Promise<void>
}

/** The public programme (brand and tiers), loaded once from the `programme` function. */
export const useProgrammeStore = create<ProgrammeStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    // Not quiet: the tiers page asks again on purpose and shows the answer it gets.
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('programme', 'get', {}),
      quiet: false,
    })
  },
  async ensureLoaded() {
    const { status } = get().state
    if (status === 'idle' || status === 'error') await get().load()
  },
}))

const NO_TIERS: PublicProgramme['tiers'] = []

/** The programme's tiers, or none while it is not here (a stable empty list, so selecting it never re-renders). */
export function selectTiers(store: ProgrammeStore): PublicProgramme['tiers'] {
  return store.state.status === 'ready' ? store.state.data.tiers : NO_TIERS
}

/** The programme, or null while it is not here. */
export function selectProgramme(store: ProgrammeStore): PublicProgramme | null {
  return store.state.status === 'ready' ? store.state.data : null
}

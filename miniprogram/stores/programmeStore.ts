import type { PublicProgramme } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'

type ProgrammeState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly programme: PublicProgramme }
  | { readonly status: 'error'; readonly message: string }

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
    set({ state: { status: 'loading' } })
    const answer = await callAction('programme', 'get', {})
    set({
      state: answer.ok ? { status: 'ready', programme: answer.data } : { status: 'error', message: answer.message },
    })
  },
  async ensureLoaded() {
    const { status } = get().state
    if (status === 'idle' || status === 'error') await get().load()
  },
}))

import type { MemberCode } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { localRefreshAtMs } from '@/utils/memberCodeTiming'

/** The member code on screen and when (by this device's clock) to fetch the next one. */
export type MemberCodeState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'ready'; readonly code: MemberCode; readonly refreshAtMs: number; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly message: string }

interface MemberCodeStore {
  readonly state: MemberCodeState
  /** The device time of the last load or tick, for the countdown. */
  readonly nowMs: number
  /** Fetches a fresh code; the current one stays on screen until the new one arrives. */
  load(): Promise<void>
  /** Called every second while the card is on screen: advances the countdown, refreshes when due. */
  tick(): void
  /** Forgets the code (the card left the screen); answers still in flight are dropped. */
  reset(): void
}

// Bumped by reset(): an answer that arrives for an older generation belongs to a page that is gone.
let generation = 0

/** The live member code from `member.memberCode`, refreshed before it expires. */
export const useMemberCodeStore = create<MemberCodeStore>((set, get) => ({
  state: { status: 'idle' },
  nowMs: 0,
  async load() {
    const requested = generation
    const current = get().state
    set({
      nowMs: Date.now(),
      state: current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' },
    })
    const answer = await callAction('member', 'memberCode', {})
    if (requested !== generation) return
    const receivedAtMs = Date.now()
    set({
      nowMs: receivedAtMs,
      state: answer.ok
        ? {
            status: 'ready',
            code: answer.data,
            refreshAtMs: localRefreshAtMs({ code: answer.data, receivedAtMs }),
            refreshing: false,
          }
        : { status: 'error', message: answer.message },
    })
  },
  tick() {
    const nowMs = Date.now()
    set({ nowMs })
    const current = get().state
    if (current.status === 'ready' && !current.refreshing && nowMs >= current.refreshAtMs) void get().load()
  },
  reset() {
    generation += 1
    set({ state: { status: 'idle' } })
  },
}))

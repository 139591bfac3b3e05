import type { HistoryEntry } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'

/** Lines fetched per page: enough to fill a phone screen, so scrolling reaches the bottom. */
export const HISTORY_PAGE_SIZE = 20

type HistoryState =
  | { readonly status: 'idle' | 'loading' }
  | {
      readonly status: 'ready'
      readonly entries: readonly HistoryEntry[]
      readonly nextCursor: string | null
      /** The next page: `error` keeps what is shown and offers a retry at the bottom. */
      readonly more: 'idle' | 'loading' | 'error'
    }
  | { readonly status: 'error'; readonly message: string }

interface HistoryStore {
  readonly state: HistoryState
  /** Loads the newest page, replacing what is shown. */
  loadFirst(): Promise<void>
  /** Appends the next page, if there is one and none is on its way. */
  loadMore(): Promise<void>
}

/** The points history from `member.history`, newest first, a page at a time. */
export const useHistoryStore = create<HistoryStore>((set, get) => ({
  state: { status: 'idle' },
  async loadFirst() {
    set({ state: { status: 'loading' } })
    const answer = await callAction('member', 'history', { pageSize: HISTORY_PAGE_SIZE })
    set({
      state: answer.ok
        ? { status: 'ready', entries: answer.data.entries, nextCursor: answer.data.nextCursor, more: 'idle' }
        : { status: 'error', message: answer.message },
    })
  },
  async loadMore() {
    const current = get().state
    if (current.status !== 'ready' || current.nextCursor === null || current.more === 'loading') return
    set({ state: { ...current, more: 'loading' } })
    const answer = await callAction('member', 'history', { cursor: current.nextCursor, pageSize: HISTORY_PAGE_SIZE })
    const latest = get().state
    // A pull-to-refresh may have replaced the list meanwhile; this page belongs to the old one.
    if (latest.status !== 'ready' || latest.nextCursor !== current.nextCursor) return
    if (!answer.ok) {
      set({ state: { ...latest, more: 'error' } })
      return
    }
    const shown = new Set(latest.entries.map((entry) => entry.id))
    set({
      state: {
        status: 'ready',
        entries: [...latest.entries, ...answer.data.entries.filter((entry) => !shown.has(entry.id))],
        nextCursor: answer.data.nextCursor,
        more: 'idle',
      },
    })
  },
}))

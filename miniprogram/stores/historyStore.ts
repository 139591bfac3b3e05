import type { HistoryBalance, HistoryEntry } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'

/** Lines fetched per page: enough to fill a phone screen, so scrolling reaches the bottom. */
export const HISTORY_PAGE_SIZE = 20

/** The lines shown so far, where the next page starts, and where asking for it stands. */
export interface HistoryList {
  readonly entries: readonly HistoryEntry[]
  /** The points now, as the card shows them (from the latest page). */
  readonly balance: HistoryBalance
  readonly nextCursor: string | null
  /** The next page: `error` keeps what is shown and offers a retry at the bottom. */
  readonly more: 'idle' | 'loading' | 'error'
}

interface HistoryStore {
  readonly state: Loadable<HistoryList>
  /** Loads the newest page, replacing what is shown; with lines on screen it refreshes quietly. */
  loadFirst(): Promise<void>
  /** Appends the next page, if there is one and none is on its way. */
  loadMore(): Promise<void>
}

/** The points history from `member.history`, newest first, a page at a time. */
export const useHistoryStore = create<HistoryStore>((set, get) => ({
  state: { status: 'idle' },
  async loadFirst() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('member', 'history', { pageSize: HISTORY_PAGE_SIZE }),
      pick: (page): HistoryList => ({ ...page, more: 'idle' }),
    })
  },
  async loadMore() {
    const current = get().state
    if (current.status !== 'ready' || current.data.nextCursor === null || current.data.more === 'loading') return
    const { nextCursor } = current.data
    set({ state: { status: 'ready', data: { ...current.data, more: 'loading' } } })
    const answer = await callAction('member', 'history', { cursor: nextCursor, pageSize: HISTORY_PAGE_SIZE })
    const latest = get().state
    // A refresh may have replaced the list meanwhile; this page belongs to the old one.
    if (latest.status !== 'ready' || latest.data.nextCursor !== nextCursor) return
    if (!answer.ok) {
      set({ state: { status: 'ready', data: { ...latest.data, more: 'error' } } })
      return
    }
    const shown = new Set(latest.data.entries.map((entry) => entry.id))
    const entries = [...latest.data.entries, ...answer.data.entries.filter((entry) => !shown.has(entry.id))]
    set({ state: { status: 'ready', data: { ...answer.data, entries, more: 'idle' } } })
  },
}))

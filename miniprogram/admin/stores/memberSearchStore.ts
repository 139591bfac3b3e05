import type { MemberSearchResult } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface MemberSearchStore {
  readonly query: string
  /** A problem with the query, shown under the box; null when none. */
  readonly queryError: string | null
  /** `admin.searchMembers`; idle until the first search. */
  readonly state: Loadable<MemberSearchResult, 'forbidden'>
  setQuery(text: string): void
  search(): Promise<void>
  reset(): void
}

/** 会员 search: one box, and the function decides whether it is a phone, a member number or a nickname. */
export const useMemberSearchStore = create<MemberSearchStore>((set, get) => ({
  query: '',
  queryError: null,
  state: { status: 'idle' },
  setQuery(text) {
    set({ query: text, queryError: null })
  },
  async search() {
    const query = get().query.trim()
    if (query === '') {
      set({ queryError: '请输入手机号、会员编号或昵称' })
      return
    }
    // Each search is a new question: no quiet refresh that would leave the last answer up on a failure.
    await loadInto({
      current: get().state,
      quiet: false,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'searchMembers', { query }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
    })
  },
  reset() {
    set({ query: '', queryError: null, state: { status: 'idle' } })
  },
}))

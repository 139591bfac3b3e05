import type { MemberDetail, MemberLedgerLine } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

/** The points history past the detail's first page, as 加载更多 brought it in. */
export interface OlderLedger {
  readonly entries: readonly MemberLedgerLine[]
  /** Where the next page starts; null when the whole history is on screen. */
  readonly nextCursor: string | null
  readonly loading: boolean
  /** Why the last 加载更多 failed; the lines already shown stay. */
  readonly error: string | null
}

interface MemberDetailStore {
  readonly memberId: string | null
  /** `admin.memberDetail`; `notFound` for a member number that names no one. */
  readonly state: Loadable<MemberDetail, 'forbidden' | 'notFound'>
  readonly olderLedger: OlderLedger
  /** Loads the member; a reload of the same member (after a write) keeps the page on screen. */
  load(memberId: string): Promise<void>
  /** The next page of the history (`admin.memberLedger`), after what is on screen. */
  loadMoreLedger(): Promise<void>
  reset(): void
}

const NO_OLDER_LEDGER: OlderLedger = { entries: [], nextCursor: null, loading: false, error: null }

/** The member detail page's data: card figures, lots, history, coupons, orders, staff actions, limits. */
export const useMemberDetailStore = create<MemberDetailStore>((set, get) => ({
  memberId: null,
  state: { status: 'idle' },
  olderLedger: NO_OLDER_LEDGER,
  async load(memberId) {
    const same = get().memberId === memberId
    if (!same) set({ memberId, state: { status: 'idle' }, olderLedger: NO_OLDER_LEDGER })
    await loadInto({
      current: get().state,
      // Every answer starts the history over from its first page: pages brought in before a write
      // would leave out the lines the new ones pushed past the first page's end.
      write: (state) =>
        set(
          state.status === 'ready'
            ? { state, olderLedger: { ...NO_OLDER_LEDGER, nextCursor: state.data.ledgerNextCursor } }
            : { state },
        ),
      request: () => callAction('admin', 'memberDetail', { memberId }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden', MEMBER_NOT_FOUND: 'notFound' },
      stillWanted: () => get().memberId === memberId,
    })
  },
  async loadMoreLedger() {
    const { memberId, olderLedger } = get()
    const cursor = olderLedger.nextCursor
    if (memberId === null || cursor === null || olderLedger.loading) return
    set({ olderLedger: { ...olderLedger, loading: true, error: null } })
    const answer = await callAction('admin', 'memberLedger', { memberId, cursor })
    const now = get().olderLedger
    // Another member, or the history started over meanwhile: this page follows nothing on screen.
    if (get().memberId !== memberId || now.nextCursor !== cursor) return
    set({
      olderLedger: answer.ok
        ? {
            entries: [...now.entries, ...answer.data.entries],
            nextCursor: answer.data.nextCursor,
            loading: false,
            error: null,
          }
        : { ...now, loading: false, error: answer.message },
    })
  },
  reset() {
    set({ memberId: null, state: { status: 'idle' }, olderLedger: NO_OLDER_LEDGER })
  },
}))

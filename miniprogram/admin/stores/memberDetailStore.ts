import type { MemberDetail } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface MemberDetailStore {
  readonly memberId: string | null
  /** `admin.memberDetail`; `notFound` for a member number that names no one. */
  readonly state: Loadable<MemberDetail, 'forbidden' | 'notFound'>
  /** Loads the member; a reload of the same member (after a write) keeps the page on screen. */
  load(memberId: string): Promise<void>
  reset(): void
}

/** The member detail page's data: card figures, lots, history, coupons, orders, staff actions, limits. */
export const useMemberDetailStore = create<MemberDetailStore>((set, get) => ({
  memberId: null,
  state: { status: 'idle' },
  async load(memberId) {
    const same = get().memberId === memberId
    if (!same) set({ memberId, state: { status: 'idle' } })
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'memberDetail', { memberId }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden', MEMBER_NOT_FOUND: 'notFound' },
      stillWanted: () => get().memberId === memberId,
    })
  },
  reset() {
    set({ memberId: null, state: { status: 'idle' } })
  },
}))

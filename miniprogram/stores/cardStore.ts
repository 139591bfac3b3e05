import type { MemberCard } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from './loadable'

/** The member card, or why there is none: `notMember` sends the customer to the join page. */
export type CardState = Loadable<MemberCard, 'notMember'>

interface CardStore {
  readonly state: CardState
  /**
   * Fetches the card. With a card already on screen it refreshes quietly: the old card stays up
   * while loading and if the refresh fails, so returning to the tab never flashes a spinner.
   */
  load(): Promise<void>
  /** Puts a card the server just returned (after joining) in place without asking again. */
  setCard(card: MemberCard): void
  /** Hides the card's tier-change line at once and tells the server it was read (best effort: it shows again next time if that fails). */
  dismissTierChange(): Promise<void>
  reset(): void
}

/** The member card from `member.card`. */
export const useCardStore = create<CardStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('member', 'card', {}),
      refusals: { NOT_A_MEMBER: 'notMember' },
    })
  },
  setCard(card) {
    set({ state: { status: 'ready', data: card } })
  },
  async dismissTierChange() {
    const { state } = get()
    if (state.status !== 'ready' || state.data.tierChange === null) return
    set({ state: { status: 'ready', data: { ...state.data, tierChange: null } } })
    await callAction('member', 'dismissTierNotice', { historyId: state.data.tierChange.id })
  },
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

/** The card, or null while there is none on screen. */
export function selectCard(store: CardStore): MemberCard | null {
  return store.state.status === 'ready' ? store.state.data : null
}

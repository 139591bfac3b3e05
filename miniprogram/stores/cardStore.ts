import type { MemberCard } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'

/** The member card, or why there is none: `notMember` sends the customer to the join page. */
export type CardState =
  | { readonly status: 'idle' | 'loading' | 'notMember' }
  | { readonly status: 'ready'; readonly card: MemberCard }
  | { readonly status: 'error'; readonly message: string }

interface CardStore {
  readonly state: CardState
  /**
   * Fetches the card. With a card already on screen it refreshes quietly: the old card stays up
   * while loading and if the refresh fails, so returning to the tab never flashes a spinner.
   */
  load(): Promise<void>
  /** Puts a card the server just returned (after joining) in place without asking again. */
  setCard(card: MemberCard): void
  reset(): void
}

/** The member card from `member.card`. */
export const useCardStore = create<CardStore>((set, get) => ({
  state: { status: 'idle' },
  async load() {
    const hadCard = get().state.status === 'ready'
    if (!hadCard) set({ state: { status: 'loading' } })
    const answer = await callAction('member', 'card', {})
    if (answer.ok) set({ state: { status: 'ready', card: answer.data } })
    else if (answer.code === 'NOT_A_MEMBER') set({ state: { status: 'notMember' } })
    else if (!hadCard) set({ state: { status: 'error', message: answer.message } })
  },
  setCard(card) {
    set({ state: { status: 'ready', card } })
  },
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

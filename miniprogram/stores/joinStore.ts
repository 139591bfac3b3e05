import type { ApiEnvelope, JoinResult, joinInput } from '@shared/contracts'
import type { z } from 'zod'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { useCardStore } from './cardStore'
import { submitOnce } from './submitOnce'

type JoinState =
  | { readonly status: 'idle' | 'joining' }
  | { readonly status: 'joined'; readonly result: JoinResult }
  | { readonly status: 'error'; readonly message: string }

interface JoinStore {
  readonly state: JoinState
  /**
   * Joins; a second tap while the first is on its way sends nothing and gets null (the server is
   * idempotent anyway, this just saves the round trip).
   */
  join(input: z.input<typeof joinInput>): Promise<ApiEnvelope<JoinResult> | null>
  reset(): void
}

async function requestJoin(
  input: z.input<typeof joinInput>,
  set: (partial: { state: JoinState }) => void,
): Promise<ApiEnvelope<JoinResult>> {
  set({ state: { status: 'joining' } })
  const answer = await callAction('member', 'join', input)
  if (answer.ok) {
    useCardStore.getState().setCard(answer.data.card)
    set({ state: { status: 'joined', result: answer.data } })
  } else {
    set({ state: { status: 'error', message: answer.message } })
  }
  return answer
}

/** The one-tap join on the landing page; the card it returns goes straight into the card store. */
export const useJoinStore = create<JoinStore>((set) => ({
  state: { status: 'idle' },
  join: submitOnce((input: z.input<typeof joinInput>) => requestJoin(input, set)),
  reset() {
    set({ state: { status: 'idle' } })
  },
}))

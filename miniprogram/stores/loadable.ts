import type { ApiEnvelope } from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'

/**
 * Data a page loads: not asked for yet or on its way, here, or failed with a message to show beside 重试.
 * `Refusal` names states of their own that a refusal leads to (`notMember` for NOT_A_MEMBER), which
 * pages treat as "not this screen" rather than as an error.
 */
export type Loadable<T, Refusal extends string = never> =
  | { readonly status: 'idle' | 'loading' | Refusal }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly message: string }

/** What `loadInto` needs: where the state is, how to ask, and what to keep. */
export interface LoadIntoOptions<Answer, T, Refusal extends string> {
  /** The state now (read before asking). */
  readonly current: Loadable<T, Refusal>
  /** Puts the next state in the store. */
  readonly write: (next: Loadable<T, Refusal>) => void
  /** The request, always resolving to an envelope (see `callAction`). */
  readonly request: () => Promise<ApiEnvelope<Answer>>
  /** The part of the answer the state holds. @default the whole answer */
  readonly pick?: (answer: Answer) => T
  /** Refusals that lead to a state of their own instead of `error`. @default none */
  readonly refusals?: Partial<Record<ErrorCode, Refusal>>
  /**
   * Whether the data on screen may stay up while asking again and when asking again fails, so
   * returning to a page never flashes a spinner. @default `current` is ready
   */
  readonly quiet?: boolean
  /** Whether the answer still belongs on screen (the page may be gone, or showing something else). @default always */
  readonly stillWanted?: () => boolean
}

/**
 * Loads into a `Loadable`: the first load shows `loading`, then `ready` or `error`; a quiet refresh
 * keeps what is on screen while asking and when asking fails. A refusal named in `refusals` always
 * replaces the data (a member who left is no member any more). Resolves with the answer.
 */
export async function loadInto<Answer, T = Answer, Refusal extends string = never>(
  options: LoadIntoOptions<Answer, T, Refusal>,
): Promise<ApiEnvelope<Answer>> {
  const quiet = options.quiet ?? options.current.status === 'ready'
  if (!quiet) options.write({ status: 'loading' })
  const answer = await options.request()
  if (options.stillWanted !== undefined && !options.stillWanted()) return answer
  if (answer.ok) {
    const data = options.pick === undefined ? (answer.data as unknown as T) : options.pick(answer.data)
    options.write({ status: 'ready', data })
    return answer
  }
  const refusal = options.refusals?.[answer.code]
  if (refusal !== undefined) options.write({ status: refusal })
  else if (!quiet) options.write({ status: 'error', message: answer.message })
  return answer
}

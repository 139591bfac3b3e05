import { sdk } from './cloud'

/** Who is calling and when: read once per invocation, then passed to everything that needs it. */
export interface Caller {
  /** The mini-program user's OPENID; null when the call did not come from a user. */
  readonly openid: string | null
  readonly nowMs: number
}

/** The caller, from `getWXContext()` (never from the payload) and the clock, read once. */
export function currentCaller(): Caller {
  const { OPENID } = sdk().getWXContext()
  return { openid: typeof OPENID === 'string' && OPENID !== '' ? OPENID : null, nowMs: Date.now() }
}

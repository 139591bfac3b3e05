import { MEMBER_CODE_TTL_MS } from '@shared/codes'
import type { MemberCode } from '@shared/contracts'

/** Never refetch more often than this, whatever the server says: a bad answer must not hammer it. */
export const MEMBER_CODE_REFRESH_DELAY_MIN_MS = 5_000

/**
 * When this device should fetch the next code, by its own clock. The server's times are by the
 * server's clock, and a phone's clock can be minutes off, so the delay is measured from when the
 * code was issued (its expiry minus its lifetime) and counted from when the answer arrived.
 */
export function localRefreshAtMs({ code, receivedAtMs }: { code: MemberCode; receivedAtMs: number }): number {
  const issuedAtMs = code.expiresAtMs - MEMBER_CODE_TTL_MS
  const delayMs = Math.min(
    MEMBER_CODE_TTL_MS,
    Math.max(MEMBER_CODE_REFRESH_DELAY_MIN_MS, code.refreshAtMs - issuedAtMs),
  )
  return receivedAtMs + delayMs
}

/** Whole seconds left until `targetMs`, rounded up (so the countdown reads 30 … 1), never negative. */
export function secondsUntil({ targetMs, nowMs }: { targetMs: number; nowMs: number }): number {
  return Math.max(0, Math.ceil((targetMs - nowMs) / 1000))
}

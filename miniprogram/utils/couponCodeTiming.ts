import { COUPON_CODE_TTL_MS } from '@shared/codes'

/** A coupon code is replaced this long before it expires, so the one on screen always scans. */
export const COUPON_CODE_REFRESH_MARGIN_MS = 60_000

/**
 * When this device should fetch the next coupon code, by its own clock: the code's lifetime less the
 * margin, counted from when the answer arrived (the phone's clock may disagree with the server's).
 */
export function couponCodeRefreshAtMs(receivedAtMs: number): number {
  return receivedAtMs + COUPON_CODE_TTL_MS - COUPON_CODE_REFRESH_MARGIN_MS
}

import type { Member } from './member'

/**
 * What the member has bought, kept on the member document by the purchase's and the reversal's unit
 * of work (they write the member anyway: no extra request), so the snapshot job scores recency,
 * frequency and money (RFM) and the repeat-purchase rate from the member alone. Only the last two
 * instants are kept: enough for "bought twice within the window" without a history per member.
 */
export interface PurchaseSummary {
  /** Purchases recorded and not reversed. */
  readonly count: number
  /** Their amount. */
  readonly amountFen: number
  /** The latest purchase still standing; null once a reversal took back the only one known. */
  readonly lastAtMs: number | null
  /** The one before it; null when there is none (or a reversal made it unknown). */
  readonly previousAtMs: number | null
  /** The first purchase it counted: a reversal of an earlier one has nothing here to take back. */
  readonly sinceMs: number | null
}

export const NO_PURCHASES: PurchaseSummary = {
  count: 0,
  amountFen: 0,
  lastAtMs: null,
  previousAtMs: null,
  sinceMs: null,
}

/**
 * The member's summary. Absent on members with no purchase recorded since the summary was kept
 * (older members may have bought before: `firstPurchaseAtMs` says so), read as none.
 */
export function purchaseSummaryOf(member: Member): PurchaseSummary {
  return member.purchases ?? NO_PURCHASES
}

/** The summary after a purchase of `amountFen` at `atMs`. */
export function withPurchase(summary: PurchaseSummary, amountFen: number, atMs: number): PurchaseSummary {
  const later = summary.lastAtMs === null || atMs >= summary.lastAtMs
  return {
    count: summary.count + 1,
    amountFen: summary.amountFen + amountFen,
    lastAtMs: later ? atMs : summary.lastAtMs,
    previousAtMs: later ? summary.lastAtMs : Math.max(summary.previousAtMs ?? atMs, atMs),
    sinceMs: Math.min(summary.sinceMs ?? atMs, atMs),
  }
}

/**
 * The summary after the purchase of `amountFen` recorded at `atMs` is reversed: its count and amount
 * taken back (nothing when it predates the summary, which never counted it), and its instant forgotten when it is
 * one of the two kept, so a refunded purchase makes nobody recent or a repeat buyer. The instant
 * before those two is not kept: forgetting the last leaves the previous one unknown (null), which
 * undercounts a repeat buyer rather than invent one.
 */
export function withoutPurchase(summary: PurchaseSummary, amountFen: number, atMs: number): PurchaseSummary {
  if (summary.sinceMs === null || atMs < summary.sinceMs) return summary
  const counts = {
    count: Math.max(0, summary.count - 1),
    amountFen: Math.max(0, summary.amountFen - amountFen),
    sinceMs: summary.sinceMs,
  }
  if (atMs === summary.lastAtMs) return { ...counts, lastAtMs: summary.previousAtMs, previousAtMs: null }
  if (atMs === summary.previousAtMs) return { ...counts, lastAtMs: summary.lastAtMs, previousAtMs: null }
  return { ...counts, lastAtMs: summary.lastAtMs, previousAtMs: summary.previousAtMs }
}

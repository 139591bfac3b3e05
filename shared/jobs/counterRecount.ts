/**
 * Reconciling a hot counter (an item's stock, a coupon template's issued count) with what it
 * counts. A reservation takes a unit and holds it until its request settles; a request that dies in
 * between (or a give-back that fails) leaves the counter short, never over: a unit held, or taken,
 * with no order or coupon to show for it. Recounting gives such units back, but only on a counter
 * no request can still be settling: the counter documents carry no per-unit record, only the
 * instant of their last reservation, so the counter must have been quiet for longer than any
 * request lives.
 */

/**
 * How long a counter must have been quiet (no reservation, no cancel's give-back pending) before it
 * is recounted: a cloud function lives at most 60 s (the mall's and coupon's 10 s), so a request
 * that reserved this long ago has settled or died; the rest is margin for clocks between instances.
 */
export const COUNTER_SETTLE_MS = 10 * 60_000

/** A counter as stored: units taken (`sold`, `issued`), units held by requests settling, units free (null: no stock kept). */
export interface CounterReading {
  readonly taken: number
  readonly held: number
  readonly free: number | null
}

/** What a recount changes: `taken` by `takenDelta` (and `free` the other way), `held` back to zero. */
export interface CounterRecount {
  readonly takenDelta: number
  readonly heldDelta: number
}

/** Whether nothing can still be settling on a counter whose last reservation was at `reservedAtMs` (absent: never). */
export function isCounterQuiet(reservedAtMs: number | undefined, nowMs: number): boolean {
  return reservedAtMs === undefined || reservedAtMs <= nowMs - COUNTER_SETTLE_MS
}

/**
 * The correction that makes a quiet counter agree with the units settled against it (orders and
 * coupons that exist): `taken` becomes `settled`, `held` zero, and the difference goes back to (or,
 * for a counter that under-counts, comes off) the free units. Null when it already agrees, or when
 * taking the difference off would leave fewer than zero free (sold more than stocked: a data
 * problem for a person, not for a job to paper over).
 */
export function decideCounterRecount(reading: CounterReading, settled: number): CounterRecount | null {
  const takenDelta = settled - reading.taken
  if (takenDelta === 0 && reading.held === 0) return null
  if (reading.free !== null && reading.free - takenDelta < 0) return null
  return { takenDelta, heldDelta: 0 - reading.held }
}

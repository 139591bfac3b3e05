/**
 * Hot counters (a mall item's stock, a coupon template's issued count) are never part of a unit of
 * work: one conditional update reserves a unit first, and the member-side unit of work then either
 * uses it or not. These helpers keep the give-back in one place.
 */

/** A member-side unit of work's answer, and whether it used the unit reserved before it. */
export interface Settled<T> {
  readonly result: T
  readonly consumed: boolean
}

/** An answer that used nothing: a refusal or a replay, after which the reserved unit goes back. */
export function unused<T>(result: T): Settled<T> {
  return { result, consumed: false }
}

/** An answer that used the reserved unit, which therefore stays taken. */
export function consumed<T>(result: T): Settled<T> {
  return { result, consumed: true }
}

/**
 * Runs `settle` with a unit already reserved and gives the unit back (`release`) unless the answer
 * used it; a `settle` that throws gives it back too, then rethrows. A crash between the reservation
 * and the give-back leaves the counter one short: undersold, never oversold.
 */
export async function settleReserved<T>(options: {
  readonly settle: () => Promise<Settled<T>>
  readonly release: () => Promise<void>
}): Promise<T> {
  let settled: Settled<T>
  try {
    settled = await options.settle()
  } catch (error) {
    await options.release()
    throw error
  }
  if (!settled.consumed) await options.release()
  return settled.result
}

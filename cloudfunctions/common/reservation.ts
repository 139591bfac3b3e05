/**
 * Hot counters (a mall item's stock, a coupon template's issued count) are never part of a unit of
 * work: one conditional update reserves a unit first, and the member-side unit of work then either
 * uses it or not. These helpers keep the reservation, the wait for held units and the give-back in
 * one place.
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
 * A hot counter (an item's stock, a template's issued count) as conditional updates of its one
 * document. A reserved unit is *held* until its request settles: a request that finds no unit free
 * while some are held does not know yet whether the counter is sold out, since a request refused
 * after its reservation (over its limit, short of points, a replay) gives its unit back.
 */
export interface HotCounter {
  /** Takes a free unit and holds it for this request; answers whether there was one. */
  reserve(): Promise<boolean>
  /**
   * Read at one instant (one document): whether a unit is free, and how many units requests in
   * flight hold. Only both at once can tell sold out (none free, none held) from a unit given back
   * between a failed reservation and the look at what is held.
   */
  state(): Promise<HotCounterState>
  /** This request used its unit: it stops being held, and stays taken. */
  keep(): Promise<void>
  /** This request did not use its unit: it goes back, free for the next request. */
  release(): Promise<void>
}

/** What a hot counter's document says at one instant. */
export interface HotCounterState {
  readonly free: boolean
  readonly held: number
}

/**
 * Waits between tries while units are held: about 3 s in all. A unit of work settles in tens of
 * milliseconds, but one retrying write conflicts on a busy instance takes longer (on a loaded test
 * machine 1 s was seen to be too short); a unit still held after that is a crashed request's, which
 * only reconciliation frees, and the request is answered sold out.
 */
export const HELD_UNIT_WAITS_MS: readonly number[] = [20, 40, 80, 160, 320, 500, 800, 1000]

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Reserves a unit, waiting for held units to settle before concluding that none is left: sold out
 * only when one read shows none free and none held but the caller's own `ownHeld` (a batch holding
 * units it reserved before this one). A unit free again by then (a refused request gave it back
 * after this one's reservation failed) is tried for at once.
 */
export async function reserveOrWaitForHeld(counter: HotCounter, ownHeld = 0): Promise<boolean> {
  if (await counter.reserve()) return true
  for (const waitMs of HELD_UNIT_WAITS_MS) {
    const { free, held } = await counter.state()
    if (!free && held <= ownHeld) return false
    if (!free) await sleep(waitMs)
    if (await counter.reserve()) return true
  }
  return false
}

/**
 * Runs `settle` with a unit of `counter` reserved, and keeps the unit or gives it back as the answer
 * says; a `settle` that throws gives it back too, then rethrows. Answers `soldOut()` only when no
 * unit is free and none is held, so a unit a refused request took for a moment is never answered as
 * sold out to anyone else. A crash between the reservation and the settling leaves the unit held:
 * undersold, never oversold, until reconciliation.
 */
export async function withReservedUnit<T>(
  counter: HotCounter,
  options: { readonly settle: () => Promise<Settled<T>>; readonly soldOut: () => Promise<T> },
): Promise<T> {
  if (!(await reserveOrWaitForHeld(counter))) return options.soldOut()
  let settled: Settled<T>
  try {
    settled = await options.settle()
  } catch (error) {
    await counter.release()
    throw error
  }
  await (settled.consumed ? counter.keep() : counter.release())
  return settled.result
}

/**
 * One of a hot counter's give-backs or keeps, logged rather than thrown when it fails: the answer is
 * already decided, and the counter stays one short (never over), which reconciliation corrects.
 */
export async function settleCounter(what: string, update: () => Promise<unknown>): Promise<void> {
  try {
    await update()
  } catch (error) {
    console.error(`could not ${what}; reconcile it`, error)
  }
}

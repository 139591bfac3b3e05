import type { BusinessDayRule } from '../time/businessDay'
import type { DayKey } from '../time/calendarDay'
import { lastValidDayOf } from './expiryPolicy'
import type { PointsWallet } from './wallet'

/** A lot that will expire, with its expiry instant. */
export interface ExpiringLot {
  readonly expiresAtMs: number
  readonly amount: number
}

/** The lots expiring within a window and their total. */
export interface ExpiringPoints {
  readonly lots: readonly ExpiringLot[]
  readonly total: number
}

/** The member-facing notice "N points expire on DATE". */
export interface ExpiringSoon {
  readonly points: number
  /** The last business day the points can be used. */
  readonly lastValidDay: DayKey
}

function expiringLots(wallet: PointsWallet, nowMs: number): ExpiringLot[] {
  const lots: ExpiringLot[] = []
  for (const { expiresAtMs, amount } of wallet.lots) {
    if (expiresAtMs !== null && nowMs < expiresAtMs) lots.push({ expiresAtMs, amount })
  }
  return lots
}

/** Usable lots that expire after `nowMs` and at most `withinMs` later (for reminders), earliest first. */
export function pointsExpiringWithin(
  wallet: PointsWallet,
  window: { nowMs: number; withinMs: number },
): ExpiringPoints {
  const endMs = window.nowMs + window.withinMs
  const lots = expiringLots(wallet, window.nowMs).filter((lot) => lot.expiresAtMs <= endMs)
  return { lots, total: lots.reduce((total, lot) => total + lot.amount, 0) }
}

/** The next usable lot to expire, or null when every usable point lasts forever. */
export function nextExpiry(wallet: PointsWallet, nowMs: number): ExpiringLot | null {
  return expiringLots(wallet, nowMs)[0] ?? null
}

/**
 * What the member card shows: the points of the next expiry within the window and their last valid
 * day, or null when nothing expires that soon. Lots with different instants but the same last valid
 * day (possible after the programme's cutoff hour changed) count together.
 */
export function expiringSoon(
  wallet: PointsWallet,
  options: { nowMs: number; withinMs: number } & BusinessDayRule,
): ExpiringSoon | null {
  const { lots } = pointsExpiringWithin(wallet, options)
  const first = lots[0]
  if (!first) return null
  const lastValidDay = lastValidDayOf(first.expiresAtMs, options)
  const points = lots
    .filter((lot) => lastValidDayOf(lot.expiresAtMs, options) === lastValidDay)
    .reduce((total, lot) => total + lot.amount, 0)
  return { points, lastValidDay }
}

import type { Programme } from '../programme/schema'
import type { PickupOrder } from './order'

const DAY_MS = 86_400_000

/**
 * The latest creation instant of an order whose pickup window has passed at `nowMs`: an order waits
 * `pickupWindowDays` whole days (24 h each, whatever the calendar) and is expired from the instant its
 * window ends, so an order created at or before this instant is due for cancellation.
 */
export function expiredOrdersCreatedByMs(programme: Pick<Programme, 'automation'>, nowMs: number): number {
  return nowMs - programme.automation.pickupWindowDays * DAY_MS
}

/** When an order's pickup window ends: `pickupWindowDays` whole days after it was created. */
export function pickupDeadlineMs(
  order: Pick<PickupOrder, 'createdAtMs'>,
  programme: Pick<Programme, 'automation'>,
): number {
  return order.createdAtMs + programme.automation.pickupWindowDays * DAY_MS
}

/** Whether an order still waiting at the counter has outlived its pickup window at `nowMs`. */
export function isOrderExpired(
  order: Pick<PickupOrder, 'status' | 'createdAtMs'>,
  programme: Pick<Programme, 'automation'>,
  nowMs: number,
): boolean {
  return order.status === 'awaitingPickup' && order.createdAtMs <= expiredOrdersCreatedByMs(programme, nowMs)
}

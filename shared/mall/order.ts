import { err, ok, type Result } from '../result'

/** Where a pickup order stands: waiting at the counter, collected, or cancelled by the member. */
export type OrderStatus = 'awaitingPickup' | 'pickedUp' | 'cancelled'

/**
 * Whether a member may cancel a pickup order: only while it waits at the counter. A cancelled order
 * answers `alreadyCancelled` rather than a failure, so a double tap on 取消 reads as one cancel.
 */
export function orderCancellability(
  status: OrderStatus,
): Result<{ readonly alreadyCancelled: boolean }, 'ORDER_NOT_CANCELLABLE'> {
  switch (status) {
    case 'awaitingPickup':
      return ok({ alreadyCancelled: false })
    case 'cancelled':
      return ok({ alreadyCancelled: true })
    case 'pickedUp':
      return err('ORDER_NOT_CANCELLABLE')
  }
}

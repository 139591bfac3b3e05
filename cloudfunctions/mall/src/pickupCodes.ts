import { randomInt } from 'node:crypto'
import { PICKUP_CODE_SPACE, pickupCodeOf } from '@shared/mall'

/**
 * A fresh random pickup code. Codes are not checked beforehand: the unique index on
 * `orders.pickupCode` refuses a collision and the redemption retries with a new code (with a few
 * thousand open orders among 10^8 codes, a retry is rare and a second one rarer still).
 */
export function newPickupCode(): string {
  return pickupCodeOf(randomInt(PICKUP_CODE_SPACE))
}

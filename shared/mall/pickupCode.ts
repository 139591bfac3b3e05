/** Digits of a pickup code: short enough to read out at the counter, 10^8 codes to draw from. */
export const PICKUP_CODE_LENGTH = 8
/** How many different pickup codes there are. */
export const PICKUP_CODE_SPACE = 10 ** PICKUP_CODE_LENGTH

const PICKUP_CODE_PATTERN = new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`)

/**
 * The pickup code for a random whole number in [0, PICKUP_CODE_SPACE): zero-padded to eight digits.
 * The caller draws the number (node:crypto); throws a RangeError for anything outside the range.
 */
export function pickupCodeOf(randomValue: number): string {
  if (!Number.isSafeInteger(randomValue) || randomValue < 0 || randomValue >= PICKUP_CODE_SPACE) {
    throw new RangeError(`pickup code value must be a whole number below ${PICKUP_CODE_SPACE}: ${randomValue}`)
  }
  return String(randomValue).padStart(PICKUP_CODE_LENGTH, '0')
}

/** Whether a string is a well-formed pickup code (eight digits). */
export function isPickupCode(value: string): boolean {
  return PICKUP_CODE_PATTERN.test(value)
}

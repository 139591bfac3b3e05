/**
 * The numeric member code under the barcode, for counter scanners that read long CODE128 poorly
 * (the QR code keeps the full signed token). Like a payment code it is random, not derived: the
 * member function draws it with each member code and stores whose it is for the code's lifetime,
 * and only the staff function can look it up. The randomness is passed in, so this file has none.
 */

/** Digits of a numeric member code. */
export const NUMERIC_CODE_LENGTH = 18
/** Its first digits: tell a member barcode from a pickup code (8 digits) or a product barcode. */
export const NUMERIC_CODE_PREFIX = '88'
/**
 * Random digits after the prefix: 10^16 codes, so a guess finds one of a million codes live at
 * once with odds of 1 in 10^10, before the lookup limit below.
 */
export const NUMERIC_CODE_RANDOM_DIGITS = NUMERIC_CODE_LENGTH - NUMERIC_CODE_PREFIX.length
/** Numeric codes one staff member may look up per minute: ample for a queue, nothing for a guesser. */
export const NUMERIC_CODE_LOOKUPS_PER_MINUTE = 30

const LOOKUP_WINDOW_MS = 60_000
const NUMERIC_CODE_PATTERN = new RegExp(`^${NUMERIC_CODE_PREFIX}\\d{${NUMERIC_CODE_RANDOM_DIGITS}}$`)
const RANDOM_DIGITS_PATTERN = new RegExp(`^\\d{${NUMERIC_CODE_RANDOM_DIGITS}}$`)

/** The numeric code made of `randomDigits` (exactly NUMERIC_CODE_RANDOM_DIGITS of them; else a programmer error). */
export function numericCodeOf(randomDigits: string): string {
  if (!RANDOM_DIGITS_PATTERN.test(randomDigits)) {
    throw new RangeError(`a numeric code takes ${NUMERIC_CODE_RANDOM_DIGITS} random digits`)
  }
  return `${NUMERIC_CODE_PREFIX}${randomDigits}`
}

/** Whether scanned text has the shape of a numeric member code. */
export function isNumericCode(text: string): boolean {
  return NUMERIC_CODE_PATTERN.test(text)
}

/** The code in groups of four for reading aloud or typing (`88 1234 5678 9012 3456`, prefix apart). */
export function groupedDigits(code: string): string {
  const rest = code.slice(NUMERIC_CODE_PREFIX.length).replace(/(\d{4})(?=\d)/g, '$1 ')
  return `${code.slice(0, NUMERIC_CODE_PREFIX.length)} ${rest}`
}

/** The minute a lookup at `nowMs` counts against (fixed windows: one counter document field, no history). */
export function lookupWindowOf(nowMs: number): number {
  return Math.floor(nowMs / LOOKUP_WINDOW_MS) * LOOKUP_WINDOW_MS
}

/**
 * Money for display. Amounts are integer fen everywhere in the core; this file only turns them into
 * the text a member reads. Parsing yuan typed by staff belongs to the boundary schemas.
 */

/** Fen in one yuan. */
export const FEN_PER_YUAN = 100

/** An amount of integer fen as yuan with two decimals: 1230 → `¥12.30`, -5 → `-¥0.05`. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const absolute = Math.abs(fen)
  const yuan = Math.floor(absolute / FEN_PER_YUAN)
  const cents = String(absolute % FEN_PER_YUAN).padStart(2, '0')
  return `${sign}¥${yuan}.${cents}`
}

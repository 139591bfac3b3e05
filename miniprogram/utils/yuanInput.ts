import { COUPON_AMOUNT_FEN_MAX } from '@shared/coupon'
import { FEN_PER_YUAN } from '@shared/money'

/** Yuan with at most two decimals, as a member types an order amount. */
const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/**
 * An amount typed in yuan (`36`, `36.5`, `36.50`) as integer fen, parsed from the digits so no
 * floating-point rounding creeps in; null when it is not a plain amount or exceeds `maxFen` (by
 * default what coupons take).
 */
export function fenOfYuanText(text: string, maxFen: number = COUPON_AMOUNT_FEN_MAX): number | null {
  const match = YUAN_PATTERN.exec(text.trim())
  if (match === null) return null
  const [, whole = '0', fraction = ''] = match
  const fen = Number(whole) * FEN_PER_YUAN + Number(fraction.padEnd(2, '0'))
  return fen <= maxFen ? fen : null
}

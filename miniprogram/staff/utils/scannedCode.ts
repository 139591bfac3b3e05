import { isNumericCode } from '@shared/codes'
import { PICKUP_CODE_LENGTH } from '@shared/mall'

/** What a scanned or pasted code is, told by its shape; the cloud function still checks everything. */
export type ScannedCode =
  | { readonly kind: 'member'; readonly token: string }
  | { readonly kind: 'coupon'; readonly token: string }
  | { readonly kind: 'pickup'; readonly pickupCode: string }
  | { readonly kind: 'unknown' }

// Signed codes start with their kind letter and format version (`M1.`, `C1.`), see shared/codes.
const MEMBER_TOKEN_PATTERN = /^M\d\./
const COUPON_TOKEN_PATTERN = /^C\d\./
const PICKUP_CODE_PATTERN = new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`)

/** Whether the counter should open the member panel, verify a coupon or hand over a pickup order. */
export function scannedCodeOf(text: string): ScannedCode {
  const trimmed = text.trim()
  if (MEMBER_TOKEN_PATTERN.test(trimmed)) return { kind: 'member', token: trimmed }
  // The barcode's numeric member code (18 digits from 88) goes where the token goes; typed from the
  // card it may come in the groups of four the card shows.
  const digits = trimmed.replace(/\s+/g, '')
  if (isNumericCode(digits)) return { kind: 'member', token: digits }
  if (COUPON_TOKEN_PATTERN.test(trimmed)) return { kind: 'coupon', token: trimmed }
  if (PICKUP_CODE_PATTERN.test(trimmed)) return { kind: 'pickup', pickupCode: trimmed }
  return { kind: 'unknown' }
}

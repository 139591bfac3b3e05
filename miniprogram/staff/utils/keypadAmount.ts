import { STAFF_PURCHASE_AMOUNT_FEN_MAX } from '@shared/contracts'
import { fenOfYuanText } from '@/utils/yuanInput'

/** A key of the counter's numeric keypad. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'dot' | 'delete'

/** The keypad's keys in the order they are laid out (three per row). */
export const KEYPAD_KEYS: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'dot', '0', 'delete']

/** Digits before the decimal point: the largest purchase (¥1,000,000) has seven. */
export const KEYPAD_WHOLE_DIGITS_MAX = String(STAFF_PURCHASE_AMOUNT_FEN_MAX / 100).length
/** Digits after the decimal point: fen. */
export const KEYPAD_FRACTION_DIGITS_MAX = 2

/**
 * The amount text after one key press: one decimal point at most, two decimals at most, no leading
 * zeros and no more whole digits than the largest purchase has. A key that would break a rule is ignored.
 */
export function pressKey(text: string, key: KeypadKey): string {
  if (key === 'delete') return text.slice(0, -1)
  const dotIndex = text.indexOf('.')
  if (key === 'dot') {
    if (dotIndex >= 0) return text
    return text === '' ? '0.' : `${text}.`
  }
  if (dotIndex >= 0) return text.length - dotIndex - 1 >= KEYPAD_FRACTION_DIGITS_MAX ? text : `${text}${key}`
  if (text === '0') return key
  return text.length >= KEYPAD_WHOLE_DIGITS_MAX ? text : `${text}${key}`
}

/** The purchase amount the keypad shows, in fen; null while it is empty, zero or over the maximum. */
export function purchaseFenOf(text: string): number | null {
  const fen = fenOfYuanText(text.endsWith('.') ? text.slice(0, -1) : text, STAFF_PURCHASE_AMOUNT_FEN_MAX)
  return fen === null || fen === 0 ? null : fen
}

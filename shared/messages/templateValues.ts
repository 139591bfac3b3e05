/**
 * Subscribe-message template values as WeChat's field rules allow them. A template's keys are named
 * by their keyword type and position (`thing1`, `date2`, …); the type decides what a value may be.
 * Lengths count characters (Unicode code points), not bytes or UTF-16 units, as WeChat and the
 * emulator do. Free text is shortened to fit, with an ellipsis; values that cannot be shortened
 * honestly (a number, a code, a date) are refused instead.
 */
import { err, ok, type Result } from '../result'
import { calendarDateOf, type DayKey, isDayKey } from '../time/calendarDay'

/** Most characters a value may have, by keyword type (WeChat's subscribe-message documentation). */
export const TEMPLATE_VALUE_LENGTH_MAX = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 20,
  phrase: 5,
} as const

const ELLIPSIS = '…'

/** The characters of `text` as WeChat counts them, keeping emoji sequences (👨‍👩‍👧, flags) whole when the runtime can tell them apart. */
function charactersOf(text: string): string[][] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter
  if (Segmenter === undefined) return [...text].map((character) => [character])
  return [...new Segmenter('zh', { granularity: 'grapheme' }).segment(text)].map(({ segment }) => [...segment])
}

/**
 * `text` in at most `lengthMax` characters: whitespace runs become one space, and a longer text is
 * cut at a whole symbol and ends with an ellipsis (so the cut shows). Empty after trimming: `fallback`.
 */
export function fitText(text: string, lengthMax: number, fallback = '-'): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean === '') return fallback
  if ([...clean].length <= lengthMax) return clean
  let kept = ''
  let length = 0
  for (const symbol of charactersOf(clean)) {
    if (length + symbol.length > lengthMax - 1) break
    kept += symbol.join('')
    length += symbol.length
  }
  return `${kept.trimEnd()}${ELLIPSIS}`
}

/** A `thing` value (20 characters of any text): shortened with an ellipsis when longer. */
export function thingValue(text: string): string {
  return fitText(text, TEMPLATE_VALUE_LENGTH_MAX.thing)
}

/** A `number` value: digits, optionally with a sign and decimals, at most 32 characters. */
export function numberValue(value: number): Result<string, 'INVALID_INPUT'> {
  const text = String(value)
  if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?$/.test(text)) return err('INVALID_INPUT', `不是可发送的数字：${text}`)
  return text.length <= TEMPLATE_VALUE_LENGTH_MAX.number ? ok(text) : err('INVALID_INPUT', '数字超过 32 位')
}

/** A `character_string` value (a code: letters, digits and ASCII symbols, at most 32): never cut, a cut code is a wrong code. */
export function characterStringValue(code: string): Result<string, 'INVALID_INPUT'> {
  if (!/^[\x21-\x7e]+$/.test(code)) return err('INVALID_INPUT', '编号只能包含字母、数字和符号')
  return code.length <= TEMPLATE_VALUE_LENGTH_MAX.character_string ? ok(code) : err('INVALID_INPUT', '编号超过 32 位')
}

/** A `date` value for a calendar day: `2027年01月07日`, the 年月日 form WeChat requires. */
export function dateValue(day: DayKey): Result<string, 'INVALID_INPUT'> {
  if (!isDayKey(day)) return err('INVALID_INPUT', `不是日期：${day}`)
  const { year, month, day: dayOfMonth } = calendarDateOf(day)
  const pad = (value: number) => String(value).padStart(2, '0')
  return ok(`${year}年${pad(month)}月${pad(dayOfMonth)}日`)
}

import { z } from 'zod'

/**
 * Characters that text someone else reads must not carry: controls (Unicode Cc: NUL, ESC, … and a
 * line break, except where the text is `multiline`), invisible format characters (Cf: zero-width
 * spaces and marks, bidirectional embeddings, overrides and isolates, so `"\u202etxt.exe"` cannot
 * show as `exe.txt`; word joiners; the byte-order mark) and the line and paragraph separators. Two
 * format characters stay because emoji are built with them: the zero-width joiner (👩‍🍳) and the
 * tag characters of subdivision flags.
 */
const HIDDEN_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u
const ZERO_WIDTH_JOINER = 0x200d
const EMOJI_TAGS = { first: 0xe0020, last: 0xe007f } as const

function isAllowedAnyway(character: string, multiline: boolean): boolean {
  const code = character.codePointAt(0) ?? 0
  return (
    (multiline && character === '\n') ||
    code === ZERO_WIDTH_JOINER ||
    (code >= EMOJI_TAGS.first && code <= EMOJI_TAGS.last)
  )
}

/** Whether `text` shows as what it contains: no control or invisible characters (see above). */
export function isDisplayable(text: string, options: { readonly multiline?: boolean } = {}): boolean {
  const multiline = options.multiline === true
  for (const character of text) {
    if (HIDDEN_OR_CONTROL.test(character) && !isAllowedAnyway(character, multiline)) return false
  }
  return true
}

/**
 * A free text that someone other than its writer reads (a nickname at the counter, a staff name, a
 * reversal reason, an item's title): trimmed, `min`..`max` characters, and refused when it carries a
 * control or invisible character, so it can neither hide nor reorder what the reader sees.
 */
export function displayText(options: {
  readonly min?: number
  readonly max: number
  readonly multiline?: boolean
  /** The length messages, for fields an admin edits; zod's defaults otherwise. */
  readonly messages?: { readonly min?: string; readonly max?: string }
}) {
  const { min = 0, max, multiline, messages = {} } = options
  return z
    .string()
    .trim()
    .min(min, messages.min)
    .max(max, messages.max)
    .refine((text) => isDisplayable(text, { multiline: multiline === true }), '不能包含控制字符或不可见字符')
}

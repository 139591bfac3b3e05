const REPLACEMENT_CHARACTER = 0xfffd

function isSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff
}

/**
 * The UTF-8 bytes of a string, as `TextEncoder` would give them (a lone surrogate becomes U+FFFD).
 * Written out because not every WeChat base library has `TextEncoder`.
 */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = []
  for (const character of text) {
    const raw = character.codePointAt(0) ?? REPLACEMENT_CHARACTER
    const codePoint = isSurrogate(raw) ? REPLACEMENT_CHARACTER : raw
    if (codePoint < 0x80) bytes.push(codePoint)
    else if (codePoint < 0x800) bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f))
    else if (codePoint < 0x10000)
      bytes.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f))
    else
      bytes.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      )
  }
  return Uint8Array.from(bytes)
}

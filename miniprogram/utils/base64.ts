const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function symbol(index: number): string {
  return ALPHABET.charAt(index & 0x3f)
}

/**
 * Standard base64 (RFC 4648, with `=` padding) of some bytes. WeChat's runtime has no `btoa`, and
 * data URLs need the standard alphabet rather than the URL-safe one in `@shared/codes`.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let encoded = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const first = bytes[index] ?? 0
    const second = bytes[index + 1]
    const third = bytes[index + 2]
    const triple = (first << 16) | ((second ?? 0) << 8) | (third ?? 0)
    encoded += symbol(triple >> 18) + symbol(triple >> 12)
    encoded += second === undefined ? '=' : symbol(triple >> 6)
    encoded += third === undefined ? '=' : symbol(triple)
  }
  return encoded
}

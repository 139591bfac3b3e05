/**
 * Base64url (RFC 4648 §5) without padding, written out because the mini-program runtime has no
 * `btoa` and `Buffer` is Node-only.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Bytes as base64url text without `=` padding: 3 bytes become 4 characters. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let text = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const first = bytes[index] ?? 0
    const second = bytes[index + 1] ?? 0
    const third = bytes[index + 2] ?? 0
    const group = (first << 16) | (second << 8) | third
    // A partial final group yields only the characters its bytes fill: 1 byte → 2, 2 bytes → 3.
    const characters = Math.min(4, Math.ceil(((bytes.length - index) * 8) / 6))
    for (let position = 0; position < characters; position++) {
      text += ALPHABET.charAt((group >> (18 - 6 * position)) & 63)
    }
  }
  return text
}

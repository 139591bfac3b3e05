/** Characters of a request id: url-safe base64's alphabet, which the API's request id pattern admits. */
const REQUEST_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
/** Characters in a request id: 16 of 64 symbols is 96 random bits, unique per member for good. */
export const REQUEST_ID_LENGTH = 16

/** `count` random bytes: the platform's cryptographic source where there is one (H5), else Math.random. */
function platformRandomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count)
  const source = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto
  if (typeof source?.getRandomValues === 'function') return source.getRandomValues(bytes)
  // The weapp runtime has no synchronous crypto: an idempotency key needs to be unique, not secret.
  for (let index = 0; index < count; index++) bytes[index] = Math.floor(Math.random() * 256)
  return bytes
}

/**
 * A fresh idempotency key for one confirmed redemption or claim. The caller keeps it while the
 * outcome is unknown (a network error) and sends it again on the retry, so the server answers the
 * first attempt instead of charging twice.
 */
export function newRequestId(randomBytes: (count: number) => Uint8Array = platformRandomBytes): string {
  return Array.from(randomBytes(REQUEST_ID_LENGTH), (byte) => REQUEST_ID_ALPHABET[byte % 64]).join('')
}

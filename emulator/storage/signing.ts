import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Signs upload and download URLs as COS does, so a URL only works for the path, method and lifetime it was issued
 * for. The key is new for every emulator start: temporary URLs are temporary.
 */
export class UrlSigner {
  private readonly key = randomBytes(32)

  /** The signature of one method on one path until an instant. */
  sign(method: 'put' | 'get', cloudPath: string, expiresAtMs: number): string {
    return createHmac('sha256', this.key).update(`${method}\n${cloudPath}\n${expiresAtMs}`).digest('hex')
  }

  /** Whether a signature is this signer's for that method, path and expiry (not whether it has expired). */
  verify(method: 'put' | 'get', cloudPath: string, expiresAtMs: number, signature: string): boolean {
    const expected = Buffer.from(this.sign(method, cloudPath, expiresAtMs))
    const given = Buffer.from(signature)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
}

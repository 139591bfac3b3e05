import { createHmac, randomBytes } from 'node:crypto'
import type { Signer } from '@shared/codes'

/** Secrets shorter than this are refused: an HMAC key should not be guessable. */
export const CODE_SECRET_LENGTH_MIN = 16

/**
 * The HMAC that signs member and coupon codes, keyed by MEMBER_CODE_SECRET from the function's
 * environment (set in the CloudBase console; never in the repository). A missing or short secret is
 * a deployment error, so it throws rather than signing with something weak.
 */
export function codeSigner(): Signer {
  const secret = process.env.MEMBER_CODE_SECRET ?? ''
  if (secret.length < CODE_SECRET_LENGTH_MIN) {
    throw new Error(`MEMBER_CODE_SECRET must be set to at least ${CODE_SECRET_LENGTH_MIN} characters`)
  }
  return (message) => createHmac('sha256', secret).update(message).digest()
}

/** A fresh nonce for a code: 8 URL-safe characters (48 random bits). */
export function newNonce(): string {
  return randomBytes(6).toString('base64url')
}

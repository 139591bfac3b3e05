import { createHmac, randomBytes } from 'node:crypto'
import { type CodeFailureCode, type CodeKind, type Signer, type VerifiedCode, verifyCode } from '@shared/codes'
import type { Result } from '@shared/result'

/** Secrets shorter than this are refused: an HMAC key should not be guessable. */
export const CODE_SECRET_LENGTH_MIN = 16

/** The variable that holds the secret codes are signed with. */
export const CODE_SECRET_VARIABLE = 'MEMBER_CODE_SECRET'
/**
 * The variable that holds the secret in use before the last rotation. Codes it signed are still
 * accepted, and never for longer than they were issued for (a code's expiry is inside it), so it can
 * be removed once one code lifetime (COUPON_CODE_TTL_MS, the longest) has passed since the rotation.
 */
export const PREVIOUS_CODE_SECRET_VARIABLE = 'MEMBER_CODE_SECRET_PREVIOUS'

/**
 * Whom a code is for: a counter session names the OPENID of the clerk it was answered to. The
 * audience is signed but not written in the token, so a session copied to another clerk's phone
 * fails its signature there (CODE_INVALID) and reveals nothing about who scanned.
 */
export type CodeAudience = string | undefined

function signerOf(variable: string, audience: CodeAudience): Signer {
  const secret = process.env[variable] ?? ''
  if (secret.length < CODE_SECRET_LENGTH_MIN) {
    throw new Error(`${variable} must be set to at least ${CODE_SECRET_LENGTH_MIN} characters`)
  }
  return forAudience((message) => createHmac('sha256', secret).update(message).digest(), audience)
}

/** `sign`, for codes meant for `audience` only (unchanged without one). */
export function forAudience(sign: Signer, audience: CodeAudience): Signer {
  if (audience === undefined) return sign
  // A token's text never holds a line break, so `<audience>\n<token>` can't spell another token.
  return (message) => sign(`${audience}\n${message}`)
}

/**
 * The HMAC that signs member and coupon codes (and, with the clerk's OPENID as audience, counter
 * sessions), keyed by MEMBER_CODE_SECRET from the function's environment (set by the deploy from the
 * deployer's environment; never in the repository). A missing or short secret is a deployment error,
 * so it throws rather than signing with something weak.
 */
export function codeSigner(audience?: CodeAudience): Signer {
  return signerOf(CODE_SECRET_VARIABLE, audience)
}

/**
 * Verifies a scanned code with the current secret, then, only if its signature does not match and
 * MEMBER_CODE_SECRET_PREVIOUS is set, with the previous one: rotating the secret never turns away a
 * code a member is showing. Every other failure (malformed, expired, wrong kind) is the current
 * secret's answer, so the previous secret can only rescue a signature.
 */
export function verifyCodeWithSecrets(
  token: string,
  options: { expectedKind: CodeKind; nowMs: number; audience?: CodeAudience },
): Result<VerifiedCode, CodeFailureCode> {
  const { audience, ...checks } = options
  const verified = verifyCode(token, { ...checks, sign: codeSigner(audience) })
  if (verified.ok || verified.code !== 'CODE_INVALID' || !process.env[PREVIOUS_CODE_SECRET_VARIABLE]) return verified
  return verifyCode(token, { ...checks, sign: signerOf(PREVIOUS_CODE_SECRET_VARIABLE, audience) })
}

/** A fresh nonce for a code: 8 URL-safe characters (48 random bits). */
export function newNonce(): string {
  return randomBytes(6).toString('base64url')
}

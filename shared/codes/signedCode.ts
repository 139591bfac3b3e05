/**
 * Signed, expiring codes for QR codes: the member code shown at the counter and a coupon's code. A
 * token names its subject (a member or coupon id, never an OPENID), when it was issued, when it
 * expires and a nonce, signed with an HMAC whose secret only cloud functions hold. The HMAC and the
 * nonce are passed in, so this file needs no crypto and no randomness.
 *
 * Format: `<kind letter><version>.<subjectId>.<issuedAt s, base36>.<expiresAt s, base36>.<nonce>.<signature>`,
 * e.g. `M1.m_8f3k2.t5x9q0.t5x9r0.aZ3-_x9Q.Yk2…`, where the signature is the base64url HMAC of everything
 * before the last dot, cut to 22 characters (132 bits). Plain ASCII keeps QR codes small.
 */
import { err, ok, type Result } from '../result'
import { encodeBase64Url } from './base64url'
import { constantTimeEqual } from './constantTimeEqual'

/** An HMAC (e.g. SHA-256) of a message under the code secret. */
export type Signer = (message: string) => Uint8Array

/**
 * What a code stands for: a member code (shown by the member), a coupon code, or a counter session
 * (answered to the clerk who scanned a member code: proof the member was at the counter, for a while).
 */
export type CodeKind = 'member' | 'coupon' | 'counter'

/** How long a member code is accepted. */
export const MEMBER_CODE_TTL_MS = 60_000
/** How often the member card fetches a fresh member code: half the lifetime, so one is always valid. */
export const MEMBER_CODE_REFRESH_MS = 30_000
/** How long a coupon code is accepted: long enough for a queue at the counter. */
export const COUPON_CODE_TTL_MS = 300_000
/**
 * How long a counter session lasts: a clerk records the purchases of the member they scanned within
 * this time, after which the member code must be scanned again (the member must be present).
 */
export const COUNTER_SESSION_TTL_MS = 300_000
/** Longest lifetime any code may be issued with. */
export const CODE_TTL_MAX_MS = 86_400_000
/** How far in the future a code's issue time may be before it is refused: tolerates clock drift. */
export const CODE_CLOCK_SKEW_MS = 30_000
/** Longest token accepted: keeps the QR code at a size phone cameras read at a glance. */
export const CODE_LENGTH_MAX = 120
/** Length of the nonce the caller supplies. */
export const CODE_NONCE_LENGTH = 8
/** Characters of the base64url HMAC kept in the token. */
export const CODE_SIGNATURE_LENGTH = 22

const FORMAT_VERSION = '1'
const SECOND_MS = 1000
/** The last second eight base36 digits can write (around the year 90 000). */
const INSTANT_SECONDS_MAX = 36 ** 8 - 1
const SUBJECT_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/
const NONCE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${CODE_NONCE_LENGTH}}$`)
const KIND_LETTERS: Readonly<Record<CodeKind, string>> = { member: 'M', coupon: 'C', counter: 'S' }
const KIND_OF_LETTER: Readonly<Record<'M' | 'C' | 'S', CodeKind>> = { M: 'member', C: 'coupon', S: 'counter' }
// At most eight base36 digits, so seconds × 1000 stays a safe integer; lowercase and without leading
// zeros, so each instant has exactly one spelling.
const TOKEN_PATTERN =
  /^([MCS])1\.([A-Za-z0-9_-]{1,40})\.([1-9a-z][0-9a-z]{0,7}|0)\.([1-9a-z][0-9a-z]{0,7}|0)\.([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{22})$/

/** A freshly issued token and the instant it stops being accepted. */
export interface IssuedCode {
  readonly token: string
  readonly expiresAtMs: number
}

/** What a verified token says. */
export interface VerifiedCode {
  readonly kind: CodeKind
  readonly subjectId: string
  readonly issuedAtMs: number
  readonly expiresAtMs: number
  readonly nonce: string
}

/** The failures of `verifyCode`, in precedence order. */
export type CodeFailureCode =
  | 'CODE_MALFORMED'
  | 'CODE_INVALID'
  | 'CODE_WRONG_KIND'
  | 'CODE_NOT_YET_VALID'
  | 'CODE_EXPIRED'

function signatureOf(message: string, sign: Signer): string {
  const signature = encodeBase64Url(sign(message)).slice(0, CODE_SIGNATURE_LENGTH)
  if (signature.length < CODE_SIGNATURE_LENGTH) throw new RangeError('the signer must return at least 16 bytes')
  return signature
}

function assertInstant(name: string, valueMs: number): void {
  if (!Number.isSafeInteger(valueMs) || valueMs < 0) throw new RangeError(`${name} must be whole, non-negative ms`)
}

/**
 * A signed token for `subjectId`, valid from now for `ttlMs` (rounded down to the second, so a code
 * never outlives its lifetime). Throws on a subject id or nonce outside the token alphabet, or an
 * out-of-range lifetime: those are programmer errors.
 */
export function issueCode(options: {
  kind: CodeKind
  subjectId: string
  nowMs: number
  ttlMs: number
  nonce: string
  sign: Signer
}): IssuedCode {
  const { kind, subjectId, nowMs, ttlMs, nonce, sign } = options
  if (!SUBJECT_ID_PATTERN.test(subjectId)) throw new RangeError(`subject id must match ${SUBJECT_ID_PATTERN}`)
  if (!NONCE_PATTERN.test(nonce)) throw new RangeError(`nonce must match ${NONCE_PATTERN}`)
  assertInstant('nowMs', nowMs)
  if (!Number.isSafeInteger(ttlMs) || ttlMs < SECOND_MS || ttlMs > CODE_TTL_MAX_MS) {
    throw new RangeError(`ttlMs must be a whole number between ${SECOND_MS} and ${CODE_TTL_MAX_MS}`)
  }
  const issuedAtSeconds = Math.floor(nowMs / SECOND_MS)
  const expiresAtSeconds = Math.floor((nowMs + ttlMs) / SECOND_MS)
  if (expiresAtSeconds > INSTANT_SECONDS_MAX) throw new RangeError('nowMs is beyond what a code can express')
  const message = [
    `${KIND_LETTERS[kind]}${FORMAT_VERSION}`,
    subjectId,
    issuedAtSeconds.toString(36),
    expiresAtSeconds.toString(36),
    nonce,
  ].join('.')
  return { token: `${message}.${signatureOf(message, sign)}`, expiresAtMs: expiresAtSeconds * SECOND_MS }
}

/**
 * Checks a scanned token, first failing check wins: CODE_MALFORMED (not a token of this format),
 * CODE_INVALID (signature mismatch: forged or altered), CODE_WRONG_KIND (e.g. a coupon code where a
 * member code is expected), CODE_NOT_YET_VALID (issued more than CODE_CLOCK_SKEW_MS in the future),
 * CODE_EXPIRED (at or after its expiry). The signature is checked before anything the token claims is
 * believed. Never throws for any input string.
 */
export function verifyCode(
  token: string,
  options: { expectedKind: CodeKind; nowMs: number; sign: Signer },
): Result<VerifiedCode, CodeFailureCode> {
  assertInstant('nowMs', options.nowMs)
  const match = typeof token === 'string' && token.length <= CODE_LENGTH_MAX ? TOKEN_PATTERN.exec(token) : null
  if (!match) return err('CODE_MALFORMED')
  const [, kindLetter, subjectId = '', issuedAt = '', expiresAt = '', nonce = '', signature = ''] = match
  const issuedAtMs = Number.parseInt(issuedAt, 36) * SECOND_MS
  const expiresAtMs = Number.parseInt(expiresAt, 36) * SECOND_MS
  // issueCode never writes a lifetime under a second; a token that claims one was not made here.
  if (expiresAtMs <= issuedAtMs) return err('CODE_MALFORMED')

  const message = token.slice(0, token.length - CODE_SIGNATURE_LENGTH - 1)
  if (!constantTimeEqual(signatureOf(message, options.sign), signature)) return err('CODE_INVALID')

  // The pattern admits only the three letters.
  const kind = KIND_OF_LETTER[kindLetter as 'M' | 'C' | 'S']
  if (kind !== options.expectedKind) return err('CODE_WRONG_KIND')
  if (issuedAtMs > options.nowMs + CODE_CLOCK_SKEW_MS) return err('CODE_NOT_YET_VALID')
  if (options.nowMs >= expiresAtMs) return err('CODE_EXPIRED')
  return ok({ kind, subjectId, issuedAtMs, expiresAtMs, nonce })
}

import { createHmac } from 'node:crypto'
import {
  CODE_CLOCK_SKEW_MS,
  CODE_LENGTH_MAX,
  COUNTER_SESSION_TTL_MS,
  COUPON_CODE_TTL_MS,
  type CodeKind,
  issueCode,
  MEMBER_CODE_REFRESH_MS,
  MEMBER_CODE_TTL_MS,
  type Signer,
  verifyCode,
} from '@shared/codes'
import { ERROR_MESSAGES } from '@shared/errors'
import fc from 'fast-check'

// The cloud functions' signer, built the same way; only this test file imports crypto.
function signerFor(secret: string): Signer {
  return (message) => createHmac('sha256', secret).update(message).digest()
}

const sign = signerFor('test-secret-held-by-cloud-functions')
const T = Date.UTC(2026, 10, 24, 4, 0, 0)
const memberId = 'm_0123456789abcdefABCDEF'
const NONCE = 'aZ3-_x9Q'

function memberCode(overrides: Partial<Parameters<typeof issueCode>[0]> = {}) {
  return issueCode({
    kind: 'member',
    subjectId: memberId,
    nowMs: T,
    ttlMs: MEMBER_CODE_TTL_MS,
    nonce: NONCE,
    sign,
    ...overrides,
  })
}

const asMember = { expectedKind: 'member' as const, nowMs: T, sign }

const subjectIdArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/)
const nonceArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{8}$/)
const kindArbitrary = fc.constantFrom<CodeKind>('member', 'coupon', 'counter')
const nowArbitrary = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) })

describe('the code lifetimes', () => {
  it('refresh a member code halfway through its minute, so the one on screen is always valid', () => {
    expect(MEMBER_CODE_TTL_MS).toBe(60_000)
    expect(MEMBER_CODE_REFRESH_MS).toBe(30_000)
    expect(MEMBER_CODE_REFRESH_MS).toBeLessThan(MEMBER_CODE_TTL_MS)
    expect(COUPON_CODE_TTL_MS).toBeGreaterThan(MEMBER_CODE_TTL_MS)
  })
})

describe('issueCode', () => {
  it('writes kind, version, subject, base36 times, nonce and a 22-character signature', () => {
    const { token, expiresAtMs } = memberCode()
    const issuedAtSeconds = (T / 1000).toString(36)
    const expiresAtSeconds = ((T + 60_000) / 1000).toString(36)
    const message = `M1.${memberId}.${issuedAtSeconds}.${expiresAtSeconds}.${NONCE}`
    const signature = createHmac('sha256', 'test-secret-held-by-cloud-functions')
      .update(message)
      .digest('base64url')
      .slice(0, 22)
    expect(token).toBe(`${message}.${signature}`)
    expect(expiresAtMs).toBe(T + 60_000)
  })

  it('marks coupon codes with C', () => {
    expect(
      issueCode({ kind: 'coupon', subjectId: 'c1', nowMs: T, ttlMs: COUPON_CODE_TTL_MS, nonce: NONCE, sign }).token,
    ).toMatch(/^C1\.c1\./)
  })

  it('marks counter sessions with S, and the clerk is told their lifetime when one runs out', () => {
    const session = issueCode({
      kind: 'counter',
      subjectId: 'm1',
      nowMs: T,
      ttlMs: COUNTER_SESSION_TTL_MS,
      nonce: NONCE,
      sign,
    })
    expect(session.token).toMatch(/^S1\.m1\./)
    expect(verifyCode(session.token, { ...asMember, expectedKind: 'counter' })).toMatchObject({
      ok: true,
      data: { kind: 'counter', subjectId: 'm1' },
    })
    expect(verifyCode(session.token, asMember)).toMatchObject({ ok: false, code: 'CODE_WRONG_KIND' })
    expect(verifyCode(memberCode().token, { ...asMember, expectedKind: 'counter' })).toMatchObject({
      ok: false,
      code: 'CODE_WRONG_KIND',
    })
    expect(ERROR_MESSAGES.COUNTER_SESSION_EXPIRED).toContain(`${COUNTER_SESSION_TTL_MS / 60_000} 分钟`)
  })

  it('rounds the expiry down to the second, so a code never outlives its lifetime', () => {
    expect(memberCode({ nowMs: T + 999 }).expiresAtMs).toBe(T + 60_000)
    expect(memberCode({ nowMs: T + 1_000 }).expiresAtMs).toBe(T + 61_000)
  })

  it('stays under 120 characters with a 40-character subject id, for any time until 2200', () => {
    fc.assert(
      fc.property(kindArbitrary, nowArbitrary, nonceArbitrary, (kind, nowMs, nonce) => {
        const subjectId = 'x'.repeat(40)
        const { token } = issueCode({ kind, subjectId, nowMs, ttlMs: COUPON_CODE_TTL_MS, nonce, sign })
        expect(token.length).toBeLessThan(120)
        expect(token).toMatch(/^[A-Za-z0-9_.-]+$/)
      }),
    )
  })

  it('gives different tokens for different nonces at the same instant', () => {
    expect(memberCode({ nonce: 'AAAAAAAA' }).token).not.toBe(memberCode({ nonce: 'AAAAAAAB' }).token)
  })

  it.each([
    ['an empty subject id', { subjectId: '' }],
    ['a 41-character subject id', { subjectId: 'x'.repeat(41) }],
    ['a subject id with a dot', { subjectId: 'a.b' }],
    ['a raw OPENID-like value with other characters', { subjectId: 'o6_bmjrPTlm6/_2sgVt7hMZOPfL2M' }],
    ['a 7-character nonce', { nonce: 'abcdefg' }],
    ['a nonce with a dot', { nonce: 'abcd.fgh' }],
    ['a fractional clock', { nowMs: T + 0.5 }],
    ['a negative clock', { nowMs: -1 }],
    ['a lifetime under a second', { ttlMs: 999 }],
    ['a lifetime over a day', { ttlMs: 86_400_001 }],
    ['an instant beyond eight base36 digits', { nowMs: 36 ** 8 * 1000 }],
    ['a signer shorter than 128 bits', { sign: () => new Uint8Array(15) }],
  ])('throws on %s: a programmer error', (_, overrides) => {
    expect(() => memberCode(overrides)).toThrow(RangeError)
  })
})

describe('verifyCode', () => {
  it('reads back what was issued', () => {
    const { token, expiresAtMs } = memberCode({ nowMs: T + 123 })
    expect(verifyCode(token, asMember)).toEqual({
      ok: true,
      data: { kind: 'member', subjectId: memberId, issuedAtMs: T, expiresAtMs, nonce: NONCE },
    })
  })

  it('round-trips any subject, kind, nonce and time', () => {
    fc.assert(
      fc.property(subjectIdArbitrary, kindArbitrary, nonceArbitrary, nowArbitrary, (subjectId, kind, nonce, nowMs) => {
        const { token, expiresAtMs } = issueCode({ kind, subjectId, nowMs, ttlMs: MEMBER_CODE_TTL_MS, nonce, sign })
        const verified = verifyCode(token, { expectedKind: kind, nowMs, sign })
        expect(verified).toEqual({
          ok: true,
          data: { kind, subjectId, issuedAtMs: Math.floor(nowMs / 1000) * 1000, expiresAtMs, nonce },
        })
      }),
    )
  })

  it('accepts a code one millisecond before it expires and refuses it exactly at expiresAtMs', () => {
    const { token, expiresAtMs } = memberCode()
    expect(verifyCode(token, { ...asMember, nowMs: expiresAtMs - 1 }).ok).toBe(true)
    expect(verifyCode(token, { ...asMember, nowMs: expiresAtMs })).toEqual({
      ok: false,
      code: 'CODE_EXPIRED',
      message: '二维码已过期，请刷新后重试',
    })
  })

  it('tolerates a clock skew of 30 s and no more', () => {
    const { token } = memberCode({ nowMs: T + CODE_CLOCK_SKEW_MS })
    expect(verifyCode(token, asMember).ok).toBe(true)
    const { token: tooEarly } = memberCode({ nowMs: T + CODE_CLOCK_SKEW_MS + 1000 })
    expect(verifyCode(tooEarly, asMember)).toMatchObject({ ok: false, code: 'CODE_NOT_YET_VALID' })
  })

  it('refuses a coupon code where a member code is expected, and the reverse', () => {
    const coupon = issueCode({
      kind: 'coupon',
      subjectId: 'c1',
      nowMs: T,
      ttlMs: COUPON_CODE_TTL_MS,
      nonce: NONCE,
      sign,
    })
    expect(verifyCode(coupon.token, asMember)).toMatchObject({ ok: false, code: 'CODE_WRONG_KIND' })
    expect(verifyCode(memberCode().token, { ...asMember, expectedKind: 'coupon' })).toMatchObject({
      ok: false,
      code: 'CODE_WRONG_KIND',
    })
  })

  it('refuses a token signed with another secret', () => {
    const { token } = memberCode({ sign: signerFor('another-secret') })
    expect(verifyCode(token, asMember)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('refuses a forged token whose subject was swapped for another member', () => {
    const { token } = memberCode()
    const forged = token.replace(memberId, 'm_someone_else')
    expect(verifyCode(forged, asMember)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('refuses a token whose expiry was pushed back', () => {
    const { token } = memberCode()
    const parts = token.split('.')
    parts[3] = ((T + 3_600_000) / 1000).toString(36)
    expect(verifyCode(parts.join('.'), asMember)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('checks the signature before the kind and the time: a forgery learns nothing else', () => {
    const { token } = issueCode({
      kind: 'coupon',
      subjectId: 'c1',
      nowMs: T,
      ttlMs: 1000,
      nonce: NONCE,
      sign: signerFor('x'),
    })
    expect(verifyCode(token, { ...asMember, nowMs: T + 1e9 })).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('reports a wrong kind before the time', () => {
    const { token } = issueCode({ kind: 'coupon', subjectId: 'c1', nowMs: T, ttlMs: 1000, nonce: NONCE, sign })
    expect(verifyCode(token, { ...asMember, nowMs: T + 1e9 })).toMatchObject({ ok: false, code: 'CODE_WRONG_KIND' })
  })

  const valid = memberCode().token
  const [head = '', , issuedAt = '', expiresAt = '', nonce = '', signature = ''] = valid.split('.')
  it.each([
    ['an empty string', ''],
    ['a URL', 'https://example.com/?m=123'],
    ['a raw member id', memberId],
    ['an unknown kind letter', `X${valid.slice(1)}`],
    ['an unknown format version', `M2${valid.slice(2)}`],
    ['a missing part', [head, memberId, issuedAt, expiresAt, signature].join('.')],
    ['an extra part', `${valid}.x`],
    ['upper-case base36', [head, memberId, issuedAt.toUpperCase(), expiresAt, nonce, signature].join('.')],
    ['base36 with a leading zero', [head, memberId, `0${issuedAt}`, expiresAt, nonce, signature].join('.')],
    ['a time of nine base36 digits', [head, memberId, 'zzzzzzzzz', expiresAt, nonce, signature].join('.')],
    ['an expiry before the issue time', [head, memberId, expiresAt, issuedAt, nonce, signature].join('.')],
    ['a 21-character signature', valid.slice(0, -1)],
    ['a signature with padding', `${valid.slice(0, -1)}=`],
    ['a subject id of 41 characters', `M1.${'a'.repeat(41)}.${issuedAt}.${expiresAt}.${nonce}.${signature}`],
    ['a megabyte of text, without scanning it', 'M1.'.padEnd(1_000_000, 'a')],
    ['surrounding whitespace', ` ${valid}`],
  ])('refuses %s as CODE_MALFORMED', (_, token) => {
    expect(verifyCode(token, asMember)).toEqual({ ok: false, code: 'CODE_MALFORMED', message: '无法识别的二维码' })
  })

  it('reads the longest well-formed token, under 120 characters, as a forgery rather than noise', () => {
    const longest = `M1.${'a'.repeat(40)}.zzzzzzzy.zzzzzzzz.${nonce}.${signature}`
    expect(longest.length).toBeLessThan(CODE_LENGTH_MAX)
    expect(verifyCode(longest, asMember)).toMatchObject({ ok: false, code: 'CODE_INVALID' })
  })

  it('refuses a valid token with any single character replaced', () => {
    const replacement = fc.oneof(
      fc.constantFrom(...'ABCMZabcmz0189-_.=+/ '.split('')),
      fc.string({ minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    )
    fc.assert(
      fc.property(
        subjectIdArbitrary,
        kindArbitrary,
        nonceArbitrary,
        nowArbitrary,
        fc.nat(),
        replacement,
        (subjectId, kind, nonce, nowMs, position, character) => {
          const { token } = issueCode({ kind, subjectId, nowMs, ttlMs: MEMBER_CODE_TTL_MS, nonce, sign })
          const index = position % token.length
          fc.pre(token[index] !== character)
          const altered = token.slice(0, index) + character + token.slice(index + 1)
          const verified = verifyCode(altered, { expectedKind: kind, nowMs, sign })
          expect(verified.ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never accepts and never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 300 })),
        (text) => {
          const verified = verifyCode(text, asMember)
          expect(verified.ok).toBe(false)
        },
      ),
    )
  })

  it('never accepts and never throws on strings shaped like tokens', () => {
    const partArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{0,24}$/)
    fc.assert(
      fc.property(
        fc.constantFrom('M1', 'C1', 'M2', 'm1'),
        fc.array(partArbitrary, { minLength: 4, maxLength: 6 }),
        (head, parts) => {
          const verified = verifyCode([head, ...parts].join('.'), asMember)
          expect(verified.ok).toBe(false)
        },
      ),
    )
  })

  it('throws on a clock that is not a whole number of ms: a programmer error', () => {
    expect(() => verifyCode(valid, { ...asMember, nowMs: Number.NaN })).toThrow(RangeError)
  })
})

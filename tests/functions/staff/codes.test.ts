import { useFunctionHarness } from '../support/functionHarness'
import { codeFor, forgerSigner, insertCoupon, NOW, STAFF, seedCustomer, snapshotOf } from './staffFixtures'

jest.setTimeout(60_000)

/** The token with one character of its subject id changed: the signature no longer matches. */
function altered(token: string): string {
  const [head = '', subject = '', ...rest] = token.split('.')
  const last = subject.at(-1) === 'a' ? 'b' : 'a'
  return [head, `${subject.slice(0, -1)}${last}`, ...rest].join('.')
}

describe('staff: scanned codes', () => {
  const harness = useFunctionHarness()
  let memberId: string

  beforeEach(async () => {
    const member = await seedCustomer(harness, { prefix: 'o-codes', points: 10 })
    memberId = member.memberId
    await insertCoupon(harness, { id: 'code-coupon', memberId })
  })

  const cases = (kind: 'member' | 'coupon', subject: () => string, otherKind: 'member' | 'coupon') =>
    [
      ['forged (signed with another secret)', () => codeFor(kind, subject(), { sign: forgerSigner }), 'CODE_INVALID'],
      ['altered (another subject, same signature)', () => altered(codeFor(kind, subject())), 'CODE_INVALID'],
      ['expired', () => codeFor(kind, subject(), { atMs: NOW - 120_000, ttlMs: 60_000 }), 'CODE_EXPIRED'],
      ['issued in the future', () => codeFor(kind, subject(), { atMs: NOW + 600_000 }), 'CODE_NOT_YET_VALID'],
      ['of the wrong kind', () => codeFor(otherKind, subject()), 'CODE_WRONG_KIND'],
      ['not a code at all', () => 'https://example.com/?m=123', 'CODE_MALFORMED'],
    ] as const

  it.each(cases('member', () => memberId, 'coupon'))(
    'refuses a member code that is %s',
    async (_description, token, code) => {
      await expect(
        harness.call('staff', 'resolveMemberCode', { token: token() }, { as: STAFF, atMs: NOW }),
      ).resolves.toMatchObject({ ok: false, code })
    },
  )

  it.each(cases('coupon', () => 'code-coupon', 'member'))(
    'refuses a coupon code that is %s, leaving the coupon unused',
    async (_description, token, code) => {
      const before = await snapshotOf(harness)
      await expect(
        harness.call('staff', 'verifyCoupon', { token: token() }, { as: STAFF, atMs: NOW }),
      ).resolves.toMatchObject({ ok: false, code })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
    },
  )

  it('accepts the genuine codes', async () => {
    await expect(
      harness.call('staff', 'resolveMemberCode', { token: codeFor('member', memberId) }, { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true, data: { memberId } })
  })
})

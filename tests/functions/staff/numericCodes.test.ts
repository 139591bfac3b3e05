/**
 * The numeric member code under the barcode: drawn with each member code, valid as long, resolved
 * only by staff, and looked up at most NUMERIC_CODE_LOOKUPS_PER_MINUTE times a minute per clerk.
 */
import { NUMERIC_CODE_LOOKUPS_PER_MINUTE } from '@shared/codes'
import type { MemberCode } from '@shared/contracts'
import { dataOf, tally } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { MANAGER, NOW, STAFF, seedCustomer, snapshotOf } from './staffFixtures'

jest.setTimeout(90_000)

/** The code with its last digit changed. */
const altered = (code: string) => `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`

describe('staff: numeric member codes', () => {
  const harness = useFunctionHarness()

  async function cardCode(openid: string, atMs = NOW): Promise<MemberCode> {
    return dataOf(await harness.call('member', 'memberCode', {}, { as: openid, atMs }))
  }

  const resolve = (code: string, as = STAFF, atMs = NOW) =>
    harness.call('staff', 'resolveMemberCode', { token: code }, { as, atMs })

  it('names the member who holds it, with a counter session, for its whole lifetime', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-numeric', points: 40 })
    const other = await seedCustomer(harness, { prefix: 'o-numeric-other', points: 0 })
    const code = await cardCode(member.openid)
    const othersCode = await cardCode(other.openid)
    expect(code.numericCode).toMatch(/^88\d{16}$/)
    expect(othersCode.numericCode).not.toBe(code.numericCode)
    const resolved = dataOf(await resolve(code.numericCode))
    expect(resolved).toMatchObject({ memberId: member.memberId, balance: 40 })
    await expect(
      harness.call(
        'staff',
        'recordPurchase',
        { session: resolved.session.token, amountFen: 1000, requestId: 'numeric-purchase' },
        { as: STAFF, atMs: NOW },
      ),
    ).resolves.toMatchObject({ ok: true, data: { memberId: member.memberId, points: 10 } })
    await expect(resolve(othersCode.numericCode)).resolves.toMatchObject({
      ok: true,
      data: { memberId: other.memberId },
    })
    // The card's next code does not end the one still on a scanner's screen.
    const next = await cardCode(member.openid, NOW + 30_000)
    await expect(resolve(code.numericCode, STAFF, NOW + 50_000)).resolves.toMatchObject({
      ok: true,
      data: { memberId: member.memberId },
    })
    await expect(resolve(next.numericCode, STAFF, NOW + 50_000)).resolves.toMatchObject({ ok: true })
  })

  it('refuses an expired code with CODE_EXPIRED and an altered or unknown one with CODE_INVALID', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-numeric-bad', points: 0 })
    const code = await cardCode(member.openid)
    const before = await snapshotOf(harness)
    await expect(resolve(code.numericCode, STAFF, code.expiresAtMs)).resolves.toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    })
    await expect(resolve(altered(code.numericCode))).resolves.toMatchObject({ ok: false, code: 'CODE_INVALID' })
    await expect(resolve('880000000000000000')).resolves.toMatchObject({ ok: false, code: 'CODE_INVALID' })
    await expect(resolve(code.numericCode, 'o-not-staff')).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
    // Only the clerk's lookup count moved; no member, ledger or coupon did.
    const after = await snapshotOf(harness)
    expect({ ...after, staff: [] }).toEqual({ ...before, staff: [] })
  })

  it('clears a member’s expired codes as the card draws new ones', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-numeric-clean', points: 0 })
    for (const atMs of [NOW, NOW + 30_000, NOW + 60_000, NOW + 90_000, NOW + 120_000])
      await cardCode(member.openid, atMs)
    const { data } = await harness.db.collection('member_barcodes').where({ memberId: member.memberId }).get()
    // Each code lives 60 s: by NOW + 120 s those drawn at NOW, + 30 s and + 60 s had expired and are gone.
    expect((data as { expiresAtMs: number }[]).map((code) => code.expiresAtMs - NOW).sort((a, b) => a - b)).toEqual([
      150_000, 180_000,
    ])
  })

  it(`answers at most ${NUMERIC_CODE_LOOKUPS_PER_MINUTE} lookups a minute per clerk, however fast they come`, async () => {
    const member = await seedCustomer(harness, { prefix: 'o-numeric-rate', points: 0 })
    const code = await cardCode(member.openid, NOW)
    await harness.warm('staff')
    const guesses = Array.from({ length: NUMERIC_CODE_LOOKUPS_PER_MINUTE + 10 }, (_, index) =>
      index === 0 ? code.numericCode : `88${String(index).padStart(16, '7')}`,
    )
    const answers = await Promise.all(guesses.map((guess) => resolve(guess, STAFF, NOW + 1_000)))
    const counts = tally(answers)
    expect(counts.CODE_LOOKUPS_EXCEEDED).toBe(10)
    expect((counts.ok ?? 0) + (counts.CODE_INVALID ?? 0)).toBe(NUMERIC_CODE_LOOKUPS_PER_MINUTE)
    // Past the limit even the genuine code waits; another clerk, and the QR token, are not held up.
    await expect(resolve(code.numericCode, STAFF, NOW + 2_000)).resolves.toMatchObject({
      ok: false,
      code: 'CODE_LOOKUPS_EXCEEDED',
      message: '会员码查询过于频繁，请一分钟后再试',
    })
    await expect(resolve(code.numericCode, MANAGER, NOW + 2_000)).resolves.toMatchObject({ ok: true })
    await expect(resolve(code.token, STAFF, NOW + 2_000)).resolves.toMatchObject({ ok: true })
    // The next minute starts a new count.
    const later = await cardCode(member.openid, NOW + 60_000)
    await expect(resolve(later.numericCode, STAFF, NOW + 61_000)).resolves.toMatchObject({ ok: true })
  })
})

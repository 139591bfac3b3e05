import { seedMember, seedMembers } from '../mall/seededMembers'
import { useFunctionHarness } from '../support/functionHarness'
import { insertTemplate, issuedOf } from './testTemplates'

jest.setTimeout(60_000)

const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
const NOW = shanghaiNoon(23)

describe('coupon.claim and coupon.claimable', () => {
  const harness = useFunctionHarness()

  const claim = (openid: string, templateId: string, requestId: string, atMs = NOW) =>
    harness.call('coupon', 'claim', { templateId, requestId }, { as: openid, atMs })

  it('claims a coupon into the wallet, valid from now for the template’s days', async () => {
    const member = await seedMember(harness, { prefix: 'o-claim', points: 1, atMs: NOW })
    await expect(claim(member.openid, 'five-off-thirty', 'claim-request-1')).resolves.toMatchObject({
      ok: true,
      data: {
        replayed: false,
        coupon: {
          templateId: 'five-off-thirty',
          title: '满 30 减 5 元',
          source: 'claim',
          state: 'available',
          // The function's clock starts at NOW when it runs, a moment later than NOW.
          validFromMs: expect.any(Number),
          // 30 business days counting today: until midnight (Shanghai) starting 23 December.
          validUntilMs: Date.UTC(2026, 11, 22, 16),
        },
      },
    })
    await expect(issuedOf(harness, 'five-off-thirty')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('issues exactly one coupon of a template with a total of 1 to 64 members claiming at once', async () => {
    await insertTemplate(harness, { id: 'only-one', totalQuantity: 1 })
    const members = await seedMembers(harness, { prefix: 'o-rush', count: 64, points: 1, atMs: NOW })
    const answers = await Promise.all(
      members.map((member, index) => claim(member.openid, 'only-one', `rush-request-${index}`)),
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'SOLD_OUT')).toHaveLength(63)
    await expect(issuedOf(harness, 'only-one')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('holds the per-member limit under 10 concurrent claims by one member', async () => {
    await insertTemplate(harness, { id: 'two-each', perMemberLimit: 2, totalQuantity: 100 })
    const member = await seedMember(harness, { prefix: 'o-greedy', points: 1, atMs: NOW })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => claim(member.openid, 'two-each', `greedy-request-${index}`)),
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(2)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'LIMIT_REACHED')).toHaveLength(8)
    await expect(issuedOf(harness, 'two-each')).resolves.toEqual({ coupons: 2, issued: 2 })
  })

  it('claims once for one request id sent 5 times at once, every answer naming the same coupon', async () => {
    await insertTemplate(harness, { id: 'replayed', perMemberLimit: 3, totalQuantity: 10 })
    const member = await seedMember(harness, { prefix: 'o-twice', points: 1, atMs: NOW })
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => claim(member.openid, 'replayed', 'same-claim-id')),
    )
    const ids = answers.map((answer) => (answer.ok ? answer.data.coupon.id : answer.code))
    expect(new Set(ids).size).toBe(1)
    expect(answers.filter((answer) => answer.ok && !answer.data.replayed)).toHaveLength(1)
    await expect(issuedOf(harness, 'replayed')).resolves.toEqual({ coupons: 1, issued: 1 })
    await expect(claim(member.openid, 'five-off-thirty', 'same-claim-id')).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
  })

  it.each([
    ['CLAIM_NOT_OPEN', { id: 'not-yet', claimWindow: { startsAtMs: NOW + 3_600_000, endsAtMs: NOW + 7_200_000 } }],
    ['CLAIM_NOT_OPEN', { id: 'lapsed', validity: { kind: 'fixed' as const, startsAtMs: NOW - 1000, endsAtMs: NOW } }],
    ['TIER_REQUIRED', { id: 'silver-only', tierIds: ['silver'] }],
    ['SOLD_OUT', { id: 'gone', totalQuantity: 3, issued: 3 }],
  ])('refuses with %s and issues nothing (%o)', async (code, template) => {
    await insertTemplate(harness, template)
    const member = await seedMember(harness, { prefix: `o-${template.id}`, points: 1, atMs: NOW })
    const before = await issuedOf(harness, template.id)
    await expect(claim(member.openid, template.id, 'refused-claim')).resolves.toMatchObject({ ok: false, code })
    await expect(issuedOf(harness, template.id)).resolves.toEqual(before)
  })

  it('refuses unknown templates, callers who have not joined and calls without a user', async () => {
    const member = await seedMember(harness, { prefix: 'o-claim-unknown', points: 1, atMs: NOW })
    await expect(claim(member.openid, 'no-such-template', 'unknown-template')).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_FOUND',
    })
    await expect(claim('o-nobody', 'five-off-thirty', 'not-a-member')).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
    await expect(
      harness.call('coupon', 'claim', { templateId: 'five-off-thirty', requestId: 'no-user-id' }, { as: null }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lists the templates open for claiming with what is left and what the caller holds', async () => {
    await insertTemplate(harness, { id: 'closed', claimWindow: { startsAtMs: NOW - 2000, endsAtMs: NOW - 1000 } })
    await insertTemplate(harness, { id: 'limited', totalQuantity: 10, issued: 4 })
    const member = await seedMember(harness, { prefix: 'o-centre', points: 1, atMs: NOW })
    await claim(member.openid, 'free-americano', 'centre-claim-1')
    const answer = await harness.call('coupon', 'claimable', {}, { as: member.openid, atMs: NOW })
    expect(
      answer.ok && Object.fromEntries(answer.data.templates.map((template) => [template.templateId, template])),
    ).toEqual({
      'five-off-thirty': expect.objectContaining({
        remaining: 10_000,
        claimedByMember: 0,
        canClaim: true,
        reason: null,
      }),
      'fifteen-percent-off': expect.objectContaining({ remaining: null, canClaim: false, reason: 'TIER_REQUIRED' }),
      'free-americano': expect.objectContaining({
        remaining: null,
        claimedByMember: 1,
        canClaim: false,
        reason: 'LIMIT_REACHED',
      }),
      limited: expect.objectContaining({ remaining: 6, canClaim: true }),
    })
  })

  it('costs 12 database requests to claim', async () => {
    const member = await seedMember(harness, { prefix: 'o-claim-count', points: 1, atMs: NOW })
    await Promise.all(Array.from({ length: 16 }, () => claim(member.openid, 'fifteen-percent-off', 'warm-up-claim')))
    // Member, template and counter (3), reserve (1), transaction: start, coupon + counter reads, coupon +
    // counter + stat event writes, commit (7), keep the coupon (1).
    await expect(harness.countRequests(() => claim(member.openid, 'five-off-thirty', 'counted-claim'))).resolves.toBe(
      12,
    )
  })
})

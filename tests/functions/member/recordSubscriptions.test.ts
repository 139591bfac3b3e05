/**
 * `member.recordSubscriptions` through the real SDK: each accept of a configured template adds one
 * opt-in, once per request id (a retry or a twin counts nothing more); rejects and unknown template
 * ids record nothing.
 */
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { DEVELOPMENT_TEMPLATE_IDS } from '../../../emulator/developmentSecrets'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

const POINTS = DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_POINTS_EXPIRY
const COUPONS = DEVELOPMENT_TEMPLATE_IDS.SUBSCRIBE_TEMPLATE_COUPON_EXPIRY

describe('member.recordSubscriptions', () => {
  const harness = useFunctionHarness()
  const record = (as: string, requestId: string, answers: Record<string, string>) =>
    harness.call('member', 'recordSubscriptions', { requestId, answers } as never, { as })

  async function countOf(openid: string, templateKey: string): Promise<number | null> {
    const { data } = await harness.db
      .collection('subscriptions')
      .doc(`${memberIdOf(openid)}:${templateKey}`)
      .get()
    return data === null ? null : (data as { count: number }).count
  }

  it('adds one opt-in per accepted template and request, and none for a retried request', async () => {
    await harness.call('member', 'join', {}, { as: 'o-opt-in' })
    await expect(record('o-opt-in', 'request-0001', { [POINTS]: 'accept', [COUPONS]: 'reject' })).resolves.toEqual({
      ok: true,
      data: { counts: { pointsExpiry: 1 } },
    })
    await expect(record('o-opt-in', 'request-0001', { [POINTS]: 'accept', [COUPONS]: 'reject' })).resolves.toEqual({
      ok: true,
      data: { counts: { pointsExpiry: 1 } },
    })
    await expect(record('o-opt-in', 'request-0002', { [POINTS]: 'accept', [COUPONS]: 'accept' })).resolves.toEqual({
      ok: true,
      data: { counts: { pointsExpiry: 2, couponExpiry: 1 } },
    })
    await expect(countOf('o-opt-in', 'pointsExpiry')).resolves.toBe(2)
    await expect(countOf('o-opt-in', 'couponExpiry')).resolves.toBe(1)
  })

  it('counts a request sent four times at once once', async () => {
    await harness.call('member', 'join', {}, { as: 'o-opt-in-twins' })
    await harness.warm('member')
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => record('o-opt-in-twins', 'request-twins', { [POINTS]: 'accept' })),
    )
    for (const answer of answers) expect(answer).toEqual({ ok: true, data: { counts: { pointsExpiry: 1 } } })
    await expect(countOf('o-opt-in-twins', 'pointsExpiry')).resolves.toBe(1)
  })

  it('accepts a decline, a ban or a template this programme does not use, and records nothing', async () => {
    await harness.call('member', 'join', {}, { as: 'o-opt-out' })
    const answered = await record('o-opt-out', 'request-0003', {
      [POINTS]: 'reject',
      [COUPONS]: 'ban',
      other: 'accept',
    })
    expect(answered).toEqual({ ok: true, data: { counts: {} } })
    await expect(harness.db.collection('subscriptions').count()).resolves.toMatchObject({ total: 0 })
  })

  it('refuses callers who are not members, and more than five templates', async () => {
    await expect(record('o-not-joined', 'request-0004', { [POINTS]: 'accept' })).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`template-${index}`, 'accept']))
    await expect(record('o-not-joined', 'request-0005', six)).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    await expect(harness.db.collection('subscriptions').count()).resolves.toMatchObject({ total: 0 })
  })
})

import { createHmac } from 'node:crypto'
import { verifyCode } from '@shared/codes'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../../emulator/developmentSecrets'
import { seedMember } from '../mall/seededMembers'
import { useFunctionHarness } from '../support/functionHarness'
import { insertTemplate } from './testTemplates'

jest.setTimeout(60_000)

const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
const NOW = shanghaiNoon(23)
const DAY_MS = 86_400_000

const sign = (message: string) =>
  createHmac('sha256', DEVELOPMENT_FUNCTION_ENVIRONMENT.MEMBER_CODE_SECRET as string)
    .update(message)
    .digest()

describe('coupon.wallet, coupon.get, coupon.couponCode and coupon.preview', () => {
  const harness = useFunctionHarness()

  async function claimed(openid: string, templateId: string, requestId: string, atMs = NOW): Promise<string> {
    const answer = await harness.call('coupon', 'claim', { templateId, requestId }, { as: openid, atMs })
    if (!answer.ok) throw new Error(answer.message)
    return answer.data.coupon.id
  }

  it('sorts the wallet and shows a coupon as expired once its window ends, with no job run', async () => {
    await insertTemplate(harness, { id: 'one-day', validity: { kind: 'afterIssue', days: 1 } })
    const member = await seedMember(harness, { prefix: 'o-wallet', points: 1, atMs: NOW })
    const longer = await claimed(member.openid, 'five-off-thirty', 'wallet-claim-1')
    const shorter = await claimed(member.openid, 'one-day', 'wallet-claim-2')
    const today = await harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW + 60_000 })
    expect(today).toMatchObject({
      ok: true,
      data: {
        counts: { available: 2, used: 0, expired: 0 },
        coupons: [
          { id: shorter, state: 'available' },
          { id: longer, state: 'available' },
        ],
      },
    })
    const tomorrow = await harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW + DAY_MS })
    expect(tomorrow).toMatchObject({
      ok: true,
      data: {
        counts: { available: 1, used: 0, expired: 1 },
        coupons: [
          { id: longer, state: 'available' },
          { id: shorter, state: 'expired' },
        ],
      },
    })
    await expect(harness.call('member', 'card', {}, { as: member.openid, atMs: NOW + DAY_MS })).resolves.toMatchObject({
      ok: true,
      data: { usableCouponCount: 1 },
    })
  })

  it('shows used coupons as used', async () => {
    const member = await seedMember(harness, { prefix: 'o-used', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'five-off-thirty', 'used-claim-1')
    await harness.db
      .collection('coupons')
      .doc(couponId)
      .update({ data: { usedAtMs: NOW + 1000, usedStoreId: 'store-1' } })
    await expect(harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW + 2000 })).resolves.toMatchObject({
      ok: true,
      data: {
        counts: { available: 0, used: 1, expired: 0 },
        coupons: [{ id: couponId, state: 'used', usedAtMs: NOW + 1000 }],
      },
    })
  })

  it('answers one of the caller’s coupons with its state now, and no one else’s', async () => {
    await insertTemplate(harness, { id: 'one-day', validity: { kind: 'afterIssue', days: 1 } })
    const owner = await seedMember(harness, { prefix: 'o-get', points: 1, atMs: NOW })
    const stranger = await seedMember(harness, { prefix: 'o-get-stranger', points: 1, atMs: NOW })
    const couponId = await claimed(owner.openid, 'one-day', 'get-claim-1')
    const getAs = (openid: string, id: string, atMs: number) =>
      harness.call('coupon', 'get', { couponId: id }, { as: openid, atMs })
    await expect(getAs(owner.openid, couponId, NOW + 60_000)).resolves.toMatchObject({
      ok: true,
      data: { coupon: { id: couponId, templateId: 'one-day', state: 'available' }, storeNames: {} },
    })
    await expect(getAs(owner.openid, couponId, NOW + DAY_MS)).resolves.toMatchObject({
      ok: true,
      data: { coupon: { id: couponId, state: 'expired' } },
    })
    await expect(getAs(stranger.openid, couponId, NOW)).resolves.toMatchObject({ ok: false, code: 'COUPON_NOT_FOUND' })
    await expect(getAs(owner.openid, 'c-no-such-coupon', NOW)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_FOUND',
    })
  })

  it('signs a five-minute coupon code for the owner’s available coupon', async () => {
    const member = await seedMember(harness, { prefix: 'o-code', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'five-off-thirty', 'code-claim-1')
    const answer = await harness.call('coupon', 'couponCode', { couponId }, { as: member.openid, atMs: NOW + 60_000 })
    if (!answer.ok) throw new Error(answer.message)
    // Five minutes from the function's clock (which starts at NOW + 60 s), rounded down to the second.
    expect(answer.data.expiresAtMs - (NOW + 60_000)).toBeGreaterThan(299_000)
    expect(answer.data.expiresAtMs - (NOW + 60_000)).toBeLessThanOrEqual(305_000)
    expect(verifyCode(answer.data.token, { expectedKind: 'coupon', nowMs: NOW + 61_000, sign })).toMatchObject({
      ok: true,
      data: { kind: 'coupon', subjectId: couponId },
    })
  })

  it('refuses a code for someone else’s coupon, a missing one, and an expired one', async () => {
    await insertTemplate(harness, { id: 'one-day', validity: { kind: 'afterIssue', days: 1 } })
    const owner = await seedMember(harness, { prefix: 'o-code-refused-1', points: 1, atMs: NOW })
    const stranger = await seedMember(harness, { prefix: 'o-code-refused-2', points: 1, atMs: NOW })
    const couponId = await claimed(owner.openid, 'one-day', 'refused-code-1')
    const codeOf = (openid: string, id: string, atMs = NOW) =>
      harness.call('coupon', 'couponCode', { couponId: id }, { as: openid, atMs })
    await expect(codeOf(stranger.openid, couponId)).resolves.toMatchObject({ ok: false, code: 'COUPON_NOT_FOUND' })
    await expect(codeOf(owner.openid, 'c-no-such-coupon')).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_FOUND',
    })
    await expect(codeOf(owner.openid, couponId, NOW + DAY_MS)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_EXPIRED',
    })
  })

  it('previews the discount for an order amount, or the shortfall to the threshold', async () => {
    const member = await seedMember(harness, { prefix: 'o-preview', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'five-off-thirty', 'preview-claim-1')
    const preview = (orderAmountFen: number) =>
      harness.call('coupon', 'preview', { couponId, orderAmountFen }, { as: member.openid, atMs: NOW + 60_000 })
    await expect(preview(3800)).resolves.toEqual({
      ok: true,
      data: { couponId, orderAmountFen: 3800, discountFen: 500, payableFen: 3300 },
    })
    await expect(preview(2000)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_THRESHOLD_NOT_MET',
      message: expect.stringContaining('还差 ¥10'),
    })
    await expect(
      harness.call('coupon', 'preview', { couponId, orderAmountFen: 3800 }, { as: 'o-someone-else', atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'COUPON_NOT_FOUND' })
  })

  it.each([
    ['claimable', { all: true }, 'all'],
    ['claim', { templateId: 'five-off-thirty' }, 'requestId'],
    ['claim', { templateId: 'Five Off', requestId: 'valid-request-1' }, 'templateId'],
    ['claim', { templateId: 'five-off-thirty', requestId: 'tiny' }, 'requestId'],
    ['wallet', { memberId: 'someone-else' }, 'memberId'],
    ['get', {}, 'couponId'],
    ['get', { couponId: 'bad id!' }, 'couponId'],
    ['couponCode', {}, 'couponId'],
    ['couponCode', { couponId: 'x'.repeat(41) }, 'couponId'],
    ['preview', { couponId: 'c1' }, 'orderAmountFen'],
    ['preview', { couponId: 'c1', orderAmountFen: 12.5 }, 'orderAmountFen'],
    ['preview', { couponId: 'c1', orderAmountFen: -1 }, 'orderAmountFen'],
    ['preview', { couponId: 'c1', orderAmountFen: '3000' }, 'orderAmountFen'],
  ])('%s refuses %o with INVALID_INPUT naming %s, before touching the database', async (action, input, field) => {
    const member = await seedMember(harness, { prefix: `o-bad-${action}`, points: 1, atMs: NOW })
    let answer: unknown
    const requests = await harness.countRequests(async () => {
      answer = await harness.callRaw('coupon', { action, input }, { as: member.openid, atMs: NOW })
    })
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(field) })
    expect(requests).toBe(0)
  })

  it('costs one database request for the wallet, a code and a preview', async () => {
    const member = await seedMember(harness, { prefix: 'o-one-request', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'five-off-thirty', 'one-request-claim')
    const as = { as: member.openid, atMs: NOW + 60_000 }
    await expect(harness.countRequests(() => harness.call('coupon', 'wallet', {}, as))).resolves.toBe(1)
    await expect(harness.countRequests(() => harness.call('coupon', 'couponCode', { couponId }, as))).resolves.toBe(1)
    await expect(
      harness.countRequests(() => harness.call('coupon', 'preview', { couponId, orderAmountFen: 3000 }, as)),
    ).resolves.toBe(1)
  })
})

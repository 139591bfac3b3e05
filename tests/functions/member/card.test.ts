import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(60_000)

describe('member.card', () => {
  const harness = useFunctionHarness()

  it('costs at most 2 database requests once the instance has the programme', async () => {
    await harness.call('member', 'join', {}, { as: 'o-card' })
    // Warm every instance that might serve the call, as a live function's instances are.
    await Promise.all(Array.from({ length: 16 }, () => harness.call('member', 'card', {}, { as: 'o-card' })))
    const requests = await harness.countRequests(() => harness.call('member', 'card', {}, { as: 'o-card' }))
    expect(requests).toBeLessThanOrEqual(2)
  })

  it('shows tier progress and the join gift as the balance', async () => {
    await harness.call('member', 'join', {}, { as: 'o-card' })
    await expect(harness.call('member', 'card', {}, { as: 'o-card' })).resolves.toMatchObject({
      ok: true,
      data: {
        tier: { id: 'regular', name: '普通会员' },
        nextTier: { id: 'silver', name: '银卡会员' },
        growthToNextTier: 500,
        progressPercent: 0,
        balance: 50,
        usableCouponCount: 0,
      },
    })
  })

  it('warns about points expiring within 30 days and stops counting them once expired', async () => {
    // Joined on 2026-12-10 in Shanghai: the join gift is valid through 2027-12-31.
    await harness.call('member', 'join', {}, { as: 'o-expiry', atMs: Date.UTC(2026, 11, 10, 4) })
    const early = await harness.call('member', 'card', {}, { as: 'o-expiry', atMs: Date.UTC(2027, 10, 1, 4) })
    expect(early).toMatchObject({ ok: true, data: { balance: 50, expiringSoon: null } })
    const soon = await harness.call('member', 'card', {}, { as: 'o-expiry', atMs: Date.UTC(2027, 11, 15, 4) })
    expect(soon).toMatchObject({
      ok: true,
      data: { balance: 50, expiringSoon: { points: 50, lastValidDay: '2027-12-31' } },
    })
    // 2028-01-01 00:00 in Shanghai: expired, with or without the expiry job having run.
    const after = await harness.call('member', 'card', {}, { as: 'o-expiry', atMs: Date.UTC(2027, 11, 31, 16) })
    expect(after).toMatchObject({ ok: true, data: { balance: 0, expiringSoon: null } })
  })

  it('counts only coupons that are unused and unexpired', async () => {
    const joined = await harness.call('member', 'join', {}, { as: 'o-coupons', atMs: Date.UTC(2026, 10, 23) })
    if (!joined.ok) throw new Error(joined.message)
    const memberId = joined.data.card.memberId
    const base = { memberId, templateId: 'five-off-thirty', validFromMs: Date.UTC(2026, 10, 1) }
    await harness.db.collection('coupons').add({
      data: [
        { ...base, _id: 'usable', usedAtMs: null, validUntilMs: Date.UTC(2026, 11, 31) },
        { ...base, _id: 'used', usedAtMs: Date.UTC(2026, 10, 20), validUntilMs: Date.UTC(2026, 11, 31) },
        { ...base, _id: 'expired', usedAtMs: null, validUntilMs: Date.UTC(2026, 10, 22) },
        { ...base, _id: 'someone-elses', memberId: 'm-other', usedAtMs: null, validUntilMs: Date.UTC(2026, 11, 31) },
      ],
    })
    const card = await harness.call('member', 'card', {}, { as: 'o-coupons', atMs: Date.UTC(2026, 10, 23) })
    expect(card).toMatchObject({ ok: true, data: { usableCouponCount: 1 } })
  })
})

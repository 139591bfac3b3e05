import type { ApiEnvelope, RedeemResult } from '@shared/contracts'
import { useFunctionHarness } from '../support/functionHarness'
import { seedMember, seedMembers } from './seededMembers'
import { balanceOf, insertItem, stockOf } from './testItems'

jest.setTimeout(60_000)

/** Noon in Shanghai on a day of November 2026 (the host clock is UTC). */
const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
const NOW = shanghaiNoon(23)

function orderOf(answer: ApiEnvelope<RedeemResult>) {
  if (!answer.ok || answer.data.redemption.kind !== 'pickup')
    throw new Error(`not a pickup order: ${JSON.stringify(answer)}`)
  return answer.data.redemption.order
}

describe('mall.redeem', () => {
  const harness = useFunctionHarness()

  const redeem = (openid: string, itemId: string, requestId: string, atMs = NOW) =>
    harness.call('mall', 'redeem', { itemId, requestId }, { as: openid, atMs })

  it('redeems the tote bag: points spent, stock down, a pickup order with an 8-digit code', async () => {
    const member = await seedMember(harness, { prefix: 'o-tote', points: 500, atMs: NOW })
    const answer = await redeem(member.openid, 'item-tote-bag', 'req-tote-0001')
    expect(answer).toMatchObject({
      ok: true,
      data: {
        replayed: false,
        pointsSpent: 300,
        balance: 200,
        redemption: { kind: 'pickup', order: { itemId: 'item-tote-bag', status: 'awaitingPickup', pointsSpent: 300 } },
      },
    })
    expect(orderOf(answer).pickupCode).toMatch(/^\d{8}$/)
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: 49, sold: 1 })
    const { data: entries } = await harness.db
      .collection('ledger')
      .where({ memberId: member.memberId, type: 'spend' })
      .get()
    expect(entries).toMatchObject([{ amount: -300, source: 'redeem:item-tote-bag' }])
  })

  it('redeems the ¥5 coupon item into the wallet', async () => {
    const member = await seedMember(harness, { prefix: 'o-coupon-item', points: 150, atMs: NOW })
    const answer = await redeem(member.openid, 'item-five-off-coupon', 'req-coupon-0001')
    expect(answer).toMatchObject({
      ok: true,
      data: {
        pointsSpent: 100,
        balance: 50,
        redemption: {
          kind: 'coupon',
          coupon: { templateId: 'five-off-thirty', source: 'redeem', state: 'available' },
        },
      },
    })
    await expect(
      harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW + 60_000 }),
    ).resolves.toMatchObject({
      ok: true,
      data: { counts: { available: 1, used: 0, expired: 0 }, coupons: [{ templateId: 'five-off-thirty' }] },
    })
  })

  it('sells exactly the stock in a storm: 100 members, 3 concurrent redemptions each, stock 50', async () => {
    const itemId = await insertItem(harness, { id: 'storm-item', pointsPrice: 100, stock: 50, perMemberLimit: 1 })
    const members = await seedMembers(harness, { prefix: 'o-storm', count: 100, points: 1000, atMs: NOW })
    const startedAtMs = Date.now()
    const answers = await Promise.all(
      members.flatMap((member, index) =>
        [0, 1, 2].map(async (attempt) => ({
          member,
          answer: await redeem(member.openid, itemId, `storm-${index}-${attempt}-request`),
        })),
      ),
    )
    console.info(`storm: 300 redemptions in ${Date.now() - startedAtMs} ms`)
    const winners = answers.filter(({ answer }) => answer.ok)
    expect(winners).toHaveLength(50)
    const failureCodes = new Set(answers.flatMap(({ answer }) => (answer.ok ? [] : [answer.code])))
    expect([...failureCodes].every((code) => code === 'OUT_OF_STOCK' || code === 'LIMIT_REACHED')).toBe(true)
    await expect(stockOf(harness, itemId)).resolves.toEqual({ stock: 0, sold: 50 })
    const winnerIds = new Set(winners.map(({ member }) => member.memberId))
    expect(winnerIds.size).toBe(50)
    const { data: spends } = await harness.db.collection('ledger').where({ type: 'spend' }).limit(1000).get()
    expect(spends).toHaveLength(50)
    expect(new Set(spends.map((entry: { memberId: string }) => entry.memberId))).toEqual(winnerIds)
    const { data: stored } = await harness.db.collection('members').limit(1000).get()
    for (const member of stored as { _id: string; points: { balance: number } }[]) {
      expect({ member: member._id, balance: member.points.balance }).toEqual({
        member: member._id,
        balance: winnerIds.has(member._id) ? 900 : 1000,
      })
    }
    const { data: orders } = await harness.db.collection('orders').where({ itemId }).limit(1000).get()
    expect(orders).toHaveLength(50)
    expect(new Set(orders.map((order: { pickupCode: string }) => order.pickupCode)).size).toBe(50)
  })

  it('lets one member redeem once against a limit of 1, under 10 concurrent requests', async () => {
    const itemId = await insertItem(harness, { id: 'limited-item', pointsPrice: 100, stock: 10, perMemberLimit: 1 })
    const member = await seedMember(harness, { prefix: 'o-limit', points: 1000, atMs: NOW })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => redeem(member.openid, itemId, `limit-request-${index}`)),
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok && answer.code === 'LIMIT_REACHED')).toHaveLength(9)
    await expect(stockOf(harness, itemId)).resolves.toEqual({ stock: 9, sold: 1 })
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(900)
  })

  it('redeems once for one request id sent 5 times at once, and every answer names the same order', async () => {
    const member = await seedMember(harness, { prefix: 'o-replay', points: 1000, atMs: NOW })
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => redeem(member.openid, 'item-tote-bag', 'same-request-id')),
    )
    const orders = answers.map(orderOf)
    expect(new Set(orders.map((order) => order.id)).size).toBe(1)
    expect(new Set(orders.map((order) => order.pickupCode)).size).toBe(1)
    expect(answers.filter((answer) => answer.ok && !answer.data.replayed)).toHaveLength(1)
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: 49, sold: 1 })
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(700)
  })

  it('answers a replay with the first order even after the points or the stock ran out', async () => {
    const itemId = await insertItem(harness, { id: 'last-unit', pointsPrice: 300, stock: 1 })
    const member = await seedMember(harness, { prefix: 'o-retry', points: 300, atMs: NOW })
    const first = await redeem(member.openid, itemId, 'retry-request-1')
    const retry = await redeem(member.openid, itemId, 'retry-request-1', NOW + 5_000)
    expect(retry).toMatchObject({ ok: true, data: { replayed: true, pointsSpent: 300, balance: 0 } })
    expect(orderOf(retry)).toEqual(orderOf(first))
    await expect(redeem(member.openid, itemId, 'retry-request-2')).resolves.toMatchObject({
      ok: false,
      code: 'OUT_OF_STOCK',
    })
  })

  it('refuses a request id already used for another item, charging nothing', async () => {
    const member = await seedMember(harness, { prefix: 'o-reuse', points: 1000, atMs: NOW })
    await redeem(member.openid, 'item-tote-bag', 'reused-request')
    await expect(redeem(member.openid, 'item-five-off-coupon', 'reused-request')).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(700)
    await expect(stockOf(harness, 'item-five-off-coupon')).resolves.toEqual({ stock: 1000, sold: 0 })
  })

  it.each([
    ['NOT_ON_SALE', { id: 'future-item', saleStartsAtMs: NOW + 3_600_000 }],
    ['NOT_ON_SALE', { id: 'ended-item', saleStartsAtMs: NOW - 10, saleEndsAtMs: NOW }],
    ['NOT_ON_SALE', { id: 'withdrawn-item', status: 'offSale' as const }],
    ['TIER_REQUIRED', { id: 'gold-item', tierIds: ['gold', 'black'] }],
    ['OUT_OF_STOCK', { id: 'empty-item', stock: 0 }],
    ['POINTS_INSUFFICIENT', { id: 'dear-item', pointsPrice: 501 }],
  ])('refuses with %s and changes nothing (%o)', async (code, item) => {
    const itemId = await insertItem(harness, { stock: 5, ...item })
    const before = await stockOf(harness, itemId)
    const member = await seedMember(harness, { prefix: `o-${itemId}`, points: 500, atMs: NOW })
    await expect(redeem(member.openid, itemId, 'refused-request')).resolves.toMatchObject({ ok: false, code })
    await expect(stockOf(harness, itemId)).resolves.toEqual(before)
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(500)
  })

  it('refuses the black-card mug to a regular member', async () => {
    const member = await seedMember(harness, { prefix: 'o-mug', points: 1000, atMs: NOW })
    await expect(redeem(member.openid, 'item-mug', 'mug-request-1')).resolves.toMatchObject({
      ok: false,
      code: 'TIER_REQUIRED',
      message: '会员等级不足',
    })
  })

  it('refuses points that have expired though not yet written off', async () => {
    const member = await seedMember(harness, {
      prefix: 'o-expired-points',
      points: 500,
      expiresAtMs: NOW - 1,
      atMs: NOW - 86_400_000,
    })
    await expect(redeem(member.openid, 'item-tote-bag', 'expired-points')).resolves.toMatchObject({
      ok: false,
      code: 'POINTS_INSUFFICIENT',
    })
  })

  it('refuses unknown items, callers who have not joined and calls without a user', async () => {
    const member = await seedMember(harness, { prefix: 'o-unknown', points: 500, atMs: NOW })
    await expect(redeem(member.openid, 'no-such-item', 'unknown-item')).resolves.toMatchObject({
      ok: false,
      code: 'ITEM_NOT_FOUND',
    })
    await expect(redeem('o-nobody', 'item-tote-bag', 'not-a-member')).resolves.toMatchObject({
      ok: false,
      code: 'NOT_A_MEMBER',
    })
    await expect(
      harness.call('mall', 'redeem', { itemId: 'item-tote-bag', requestId: 'no-user-id' }, { as: null }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('costs 15 database requests for a pickup gift and 16 for a coupon item, 13 and 14 without a limit', async () => {
    const member = await seedMember(harness, { prefix: 'o-counted', points: 1000, atMs: NOW })
    await insertItem(harness, { id: 'unlimited-gift', perMemberLimit: null })
    await insertItem(harness, {
      id: 'unlimited-coupon',
      kind: 'coupon',
      couponTemplateId: 'five-off-thirty',
      perMemberLimit: null,
    })
    // Warm every instance's programme cache, so the count is the steady state.
    await Promise.all(
      Array.from({ length: 16 }, () =>
        harness.call(
          'mall',
          'redeem',
          { itemId: 'item-mug', requestId: 'warm-up-only' },
          { as: member.openid, atMs: NOW },
        ),
      ),
    )
    // Pickup: member, item and counter (3), reserve (1), transaction: start, spend entry + member +
    // counter (3), entry + order + counter + member + stat event writes (5), commit, keep the unit (1): 15.
    await expect(harness.countRequests(() => redeem(member.openid, 'item-tote-bag', 'counted-pickup'))).resolves.toBe(
      15,
    )
    // Coupon item: the same, plus its coupon template: 16.
    await expect(
      harness.countRequests(() => redeem(member.openid, 'item-five-off-coupon', 'counted-coupon')),
    ).resolves.toBe(16)
    // Without a per-member limit the unit of work has no counter to read or write: 2 fewer each.
    await expect(
      harness.countRequests(() => redeem(member.openid, 'unlimited-gift', 'counted-unlimited')),
    ).resolves.toBe(13)
    await expect(
      harness.countRequests(() => redeem(member.openid, 'unlimited-coupon', 'counted-unlimited-coupon')),
    ).resolves.toBe(14)
    const { data: counters } = await harness.db.collection('redemptions').where({ memberId: member.memberId }).get()
    expect(counters.map((counter: { itemId: string }) => counter.itemId).sort()).toEqual([
      'item-five-off-coupon',
      'item-tote-bag',
    ])
  })
})

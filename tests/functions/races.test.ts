/**
 * Every action that adds a document under a derived id, raced with all its function's instances
 * warm (so the calls really run at once): the winner does the work once, and every loser answers
 * what a second request would (a replay, or the business code), never INTERNAL. The harness checks
 * after each test that every balance equals its ledger sum.
 */
import type { ApiEnvelope, FunctionName, RedeemResult } from '@shared/contracts'
import { insertTemplate, issuedOf } from './coupon/testTemplates'
import { seedMembers } from './mall/seededMembers'
import { insertItem, stockOf } from './mall/testItems'
import {
  codeFor,
  insertCoupon,
  insertOrder,
  MANAGER,
  memberState,
  NOW,
  purchaseBy,
  STAFF,
  seedCustomer,
} from './staff/staffFixtures'
import { dataOf, tally } from './support/answers'
import { type FunctionHarness, useFunctionHarness } from './support/functionHarness'

jest.setTimeout(120_000)

/** `count` calls of `call` at once, after every instance of `functionName` has started. */
async function race<T>(
  harness: FunctionHarness,
  functionName: FunctionName,
  count: number,
  call: (index: number) => Promise<ApiEnvelope<T>>,
): Promise<ApiEnvelope<T>[]> {
  await harness.warm(functionName)
  return Promise.all(Array.from({ length: count }, (_, index) => call(index)))
}

const successes = <T>(answers: readonly ApiEnvelope<T>[]): T[] =>
  answers.flatMap((answer) => (answer.ok ? [answer.data] : []))

async function ledgerCount(harness: FunctionHarness, where: Record<string, unknown>): Promise<number> {
  const { total } = await harness.db.collection('ledger').where(where).count()
  return total
}

describe('races for a derived id, all instances warm', () => {
  const harness = useFunctionHarness()
  const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)

  it('checkin.checkIn × 16: one check-in, 15 × ALREADY_CHECKED_IN', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-checkin', points: 10 })
    const answers = await race(harness, 'checkin', 16, () =>
      harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: NOW }),
    )
    expect(tally(answers)).toEqual({ ok: 1, ALREADY_CHECKED_IN: 15 })
    await expect(ledgerCount(harness, { memberId: member.memberId, source: 'checkin:2026-11-23' })).resolves.toBe(1)
  })

  it('checkin.makeup × 8 of one day: one makeup, 7 × ALREADY_CHECKED_IN, paid for once', async () => {
    const openid = 'o-race-makeup'
    dataOf(await harness.call('member', 'join', {}, { as: openid, atMs: shanghaiNoon(1) }))
    dataOf(await harness.call('checkin', 'checkIn', {}, { as: openid, atMs: shanghaiNoon(23) }))
    const answers = await race(harness, 'checkin', 8, () =>
      harness.call('checkin', 'makeup', { day: '2026-11-22' }, { as: openid, atMs: shanghaiNoon(23) }),
    )
    expect(tally(answers)).toEqual({ ok: 1, ALREADY_CHECKED_IN: 7 })
    // Joined 50, 5 for the check-in, -20 + 5 for the one makeup.
    const card = dataOf(await harness.call('member', 'card', {}, { as: openid, atMs: shanghaiNoon(23) }))
    expect(card.balance).toBe(40)
    await expect(ledgerCount(harness, { memberId: card.memberId, source: 'makeup:2026-11-22' })).resolves.toBe(2)
  })

  it('member.updateProfile × 8 completing the profile: all saved, the reward paid once', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-profile', points: 0 })
    const complete = {
      nickname: '小满',
      avatarUrl: 'https://example.com/a.png',
      birthday: '05-20',
      phoneCloudId: 'phone:13912345678',
    }
    const answers = await race(harness, 'member', 8, () =>
      harness.call('member', 'updateProfile', complete, { as: member.openid, atMs: NOW }),
    )
    expect(tally(answers)).toEqual({ ok: 8 })
    expect(
      successes(answers)
        .map((data) => data.completionPoints)
        .sort((a, b) => b - a),
    ).toEqual([20, 0, 0, 0, 0, 0, 0, 0])
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 20 })
  })

  it('mall.cancelOrder × 8 of one order: all answer the one cancellation, points and stock back once', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-cancel', points: 1000 })
    const redeemed = dataOf(
      await harness.call(
        'mall',
        'redeem',
        { itemId: 'item-tote-bag', requestId: 'race-cancel-1' },
        { as: member.openid, atMs: NOW },
      ),
    )
    const orderId = orderIdOf(redeemed)
    const stockBefore = await stockOf(harness, 'item-tote-bag')
    const answers = await race(harness, 'mall', 8, () =>
      harness.call('mall', 'cancelOrder', { orderId }, { as: member.openid, atMs: NOW + 60_000 }),
    )
    expect(tally(answers)).toEqual({ ok: 8 })
    const cancellations = successes(answers)
    expect(cancellations.filter((data) => !data.alreadyCancelled)).toHaveLength(1)
    expect(cancellations.every((data) => data.order.status === 'cancelled' && data.order.id === orderId)).toBe(true)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 1000 })
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({
      stock: stockBefore.stock + 1,
      sold: stockBefore.sold - 1,
    })
  })

  it('mall.redeem × 8 with one request id: one order, 7 replays of it, one unit of stock', async () => {
    await insertItem(harness, { id: 'race-item', pointsPrice: 100, stock: 5 })
    const member = await seedCustomer(harness, { prefix: 'o-race-redeem', points: 1000 })
    const answers = await race(harness, 'mall', 8, () =>
      harness.call(
        'mall',
        'redeem',
        { itemId: 'race-item', requestId: 'race-redeem-1' },
        { as: member.openid, atMs: NOW },
      ),
    )
    expect(tally(answers)).toEqual({ ok: 8 })
    const redemptions = successes(answers)
    expect(redemptions.filter((data) => !data.replayed)).toHaveLength(1)
    expect(new Set(redemptions.map(orderIdOf))).toEqual(new Set([orderIdOf(redemptions[0] as RedeemResult)]))
    await expect(stockOf(harness, 'race-item')).resolves.toEqual({ stock: 4, sold: 1 })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 900 })
  })

  it('coupon.claim × 8 with one request id: one coupon, 7 replays of it', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-claim', points: 0 })
    const answers = await race(harness, 'coupon', 8, () =>
      harness.call(
        'coupon',
        'claim',
        { templateId: 'five-off-thirty', requestId: 'race-claim-1' },
        { as: member.openid, atMs: NOW },
      ),
    )
    expect(tally(answers)).toEqual({ ok: 8 })
    const claims = successes(answers)
    expect(claims.filter((data) => !data.replayed)).toHaveLength(1)
    expect(new Set(claims.map((data) => data.coupon.id)).size).toBe(1)
    const { total } = await harness.db.collection('coupons').where({ memberId: member.memberId }).count()
    expect(total).toBe(1)
  })

  it('staff.acceptInvite × 8 people, one invite: one bound, 7 × INVITE_USED', async () => {
    const invite = dataOf(
      await harness.call('staff', 'createInvite', { role: 'staff', storeId: 'store-1' }, { as: MANAGER, atMs: NOW }),
    )
    const answers = await race(harness, 'staff', 8, (index) =>
      harness.call(
        'staff',
        'acceptInvite',
        { code: invite.code, name: `新店员${index}` },
        { as: `o-race-invitee-${index}`, atMs: NOW + 1000 },
      ),
    )
    expect(tally(answers)).toEqual({ ok: 1, INVITE_USED: 7 })
    const { total } = await harness.db.collection('staff').where({ inviteCode: invite.code }).count()
    expect(total).toBe(1)
  })

  it('staff.recordPurchase × 8 of one receipt: recorded once, 7 replays of the first result', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-receipt', points: 0 })
    const purchase = { memberId: member.memberId, amountFen: 5000, receiptNo: 'R-RACE-1', requestId: 'race-receipt' }
    const answers = await race(harness, 'staff', 8, (index) =>
      harness.call('staff', 'recordPurchase', purchaseBy(STAFF, { ...purchase, requestId: `race-receipt-${index}` }), {
        as: STAFF,
        atMs: NOW,
      }),
    )
    expect(tally(answers)).toEqual({ ok: 8 })
    const results = successes(answers)
    expect(results.filter((data) => !data.replayed)).toHaveLength(1)
    expect(new Set(results.map((data) => data.purchaseEntryId)).size).toBe(1)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 50, growth: 50 })
  })

  it('staff.recordPurchase × 4 different purchases each crossing a tier: all recorded, the upgrade gift paid once', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-upgrade', points: 0 })
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { growth: 450 } })
    const answers = await race(harness, 'staff', 4, (index) =>
      harness.call(
        'staff',
        'recordPurchase',
        purchaseBy(MANAGER, { memberId: member.memberId, amountFen: 10_000, requestId: `race-upgrade-${index}` }),
        { as: MANAGER, atMs: NOW },
      ),
    )
    expect(tally(answers)).toEqual({ ok: 4 })
    const results = successes(answers)
    expect(results.filter((data) => !data.replayed)).toHaveLength(4)
    expect(results.filter((data) => data.upgradedTo?.id === 'silver').map((data) => data.upgradeGiftPoints)).toEqual([
      100,
    ])
    const earned = results.reduce((sum, data) => sum + data.points, 0)
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({
      balance: earned + 100,
      growth: 850,
      tierId: 'silver',
    })
  })

  it('staff.reversePurchase × 8 of one purchase: reversed once, 7 × ALREADY_REVERSED', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-reverse', points: 0 })
    const recorded = dataOf(
      await harness.call(
        'staff',
        'recordPurchase',
        purchaseBy(STAFF, { memberId: member.memberId, amountFen: 5000, requestId: 'race-reverse' }),
        { as: STAFF, atMs: NOW },
      ),
    )
    const answers = await race(harness, 'staff', 8, () =>
      harness.call(
        'staff',
        'reversePurchase',
        { purchaseEntryId: recorded.purchaseEntryId, reason: '顾客退款' },
        { as: MANAGER, atMs: NOW + 60_000 },
      ),
    )
    expect(tally(answers)).toEqual({ ok: 1, ALREADY_REVERSED: 7 })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 0, growth: 0 })
  })

  it('staff.verifyCoupon × 8 and staff.verifyPickup × 8: used once, 7 × COUPON_USED / ALREADY_PICKED_UP', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-race-verify', points: 0 })
    await insertCoupon(harness, { id: 'race-coupon', memberId: member.memberId })
    await insertOrder(harness, { id: 'race-order', memberId: member.memberId, pickupCode: '87654321' })
    const coupons = await race(harness, 'staff', 8, () =>
      harness.call('staff', 'verifyCoupon', { token: codeFor('coupon', 'race-coupon') }, { as: STAFF, atMs: NOW }),
    )
    expect(tally(coupons)).toEqual({ ok: 1, COUPON_USED: 7 })
    const pickups = await race(harness, 'staff', 8, () =>
      harness.call('staff', 'verifyPickup', { pickupCode: '87654321' }, { as: STAFF, atMs: NOW }),
    )
    expect(tally(pickups)).toEqual({ ok: 1, ALREADY_PICKED_UP: 7 })
  })
})

/**
 * A member firing many requests (distinct request ids) at a hot counter takes units that their limit
 * then gives back: nobody asking meanwhile may be told it is sold out while a unit is left.
 */
describe('a hot counter under one member’s burst, all instances warm', () => {
  const harness = useFunctionHarness()

  it('mall.redeem: one member × 10 (limit 2) and 6 members × 1, stock 8: 8 sold, no single member refused', async () => {
    await insertItem(harness, { id: 'burst-item', pointsPrice: 100, stock: 8, perMemberLimit: 2 })
    const [hoarder, ...others] = await seedMembers(harness, { prefix: 'o-burst', count: 7, points: 1000, atMs: NOW })
    const callers = [...Array.from({ length: 10 }, () => hoarder), ...others]
    const answers = await race(harness, 'mall', callers.length, (index) =>
      harness.call(
        'mall',
        'redeem',
        { itemId: 'burst-item', requestId: `burst-redeem-${index}` },
        { as: callers[index]?.openid ?? '', atMs: NOW },
      ),
    )
    // The burst's extra requests are refused by the limit, or told it is sold out once it truly is.
    const burst = tally(answers.slice(0, 10))
    expect(burst.ok).toBe(2)
    expect((burst.LIMIT_REACHED ?? 0) + (burst.OUT_OF_STOCK ?? 0)).toBe(8)
    expect(tally(answers.slice(10))).toEqual({ ok: 6 })
    await expect(stockOf(harness, 'burst-item')).resolves.toEqual({ stock: 0, sold: 8 })
  })

  it('coupon.claim: one member × 10 (limit 1) and 5 members × 1, total 6: 6 issued, no single member refused', async () => {
    await insertTemplate(harness, { id: 'burst-template', totalQuantity: 6, perMemberLimit: 1 })
    const [hoarder, ...others] = await seedMembers(harness, {
      prefix: 'o-burst-claim',
      count: 6,
      points: 10,
      atMs: NOW,
    })
    const callers = [...Array.from({ length: 10 }, () => hoarder), ...others]
    const answers = await race(harness, 'coupon', callers.length, (index) =>
      harness.call(
        'coupon',
        'claim',
        { templateId: 'burst-template', requestId: `burst-claim-request-${index}` },
        { as: callers[index]?.openid ?? '', atMs: NOW },
      ),
    )
    const burst = tally(answers.slice(0, 10))
    expect(burst.ok).toBe(1)
    expect((burst.LIMIT_REACHED ?? 0) + (burst.SOLD_OUT ?? 0)).toBe(9)
    expect(tally(answers.slice(10))).toEqual({ ok: 5 })
    await expect(issuedOf(harness, 'burst-template')).resolves.toEqual({ coupons: 6, issued: 6 })
  })
})

function orderIdOf(result: RedeemResult): string {
  if (result.redemption.kind !== 'pickup') throw new Error('not a pickup order')
  return result.redemption.order.id
}

import { isDuplicateKeyError } from '../../../cloudfunctions/common/databaseErrors'
import { useFunctionHarness } from '../support/functionHarness'
import { seedMember } from './seededMembers'
import { balanceOf, insertItem, orderIdOf, stockOf } from './testItems'

jest.setTimeout(60_000)

const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
const NOW = shanghaiNoon(23)
const DAY_MS = 86_400_000

describe('mall.orders and mall.cancelOrder', () => {
  const harness = useFunctionHarness()

  const redeem = (openid: string, itemId: string, requestId: string, atMs = NOW) =>
    harness.call('mall', 'redeem', { itemId, requestId }, { as: openid, atMs })
  const cancel = (openid: string, orderId: string, atMs = NOW + 60_000) =>
    harness.call('mall', 'cancelOrder', { orderId }, { as: openid, atMs })

  it('lists the member’s pickup orders newest first, with their pickup codes', async () => {
    await insertItem(harness, { id: 'second-gift', pointsPrice: 50 })
    const member = await seedMember(harness, { prefix: 'o-orders-1', points: 1000, atMs: NOW })
    const other = await seedMember(harness, { prefix: 'o-orders-2', points: 1000, atMs: NOW })
    const older = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'orders-request-1', NOW))
    // A minute apart: the simulated clock runs on in real time, so a cold instance's first call can take seconds.
    const newer = orderIdOf(await redeem(member.openid, 'second-gift', 'orders-request-2', NOW + 60_000))
    await redeem(other.openid, 'item-tote-bag', 'orders-request-3')
    const answer = await harness.call('mall', 'orders', {}, { as: member.openid, atMs: NOW + 120_000 })
    expect(answer).toMatchObject({
      ok: true,
      data: {
        orders: [
          { id: newer, itemId: 'second-gift', status: 'awaitingPickup', pickupCode: expect.stringMatching(/^\d{8}$/) },
          {
            id: older,
            itemId: 'item-tote-bag',
            status: 'awaitingPickup',
            pickupCode: expect.stringMatching(/^\d{8}$/),
          },
        ],
      },
    })
  })

  it('cancels once when cancel is sent twice at once: points and stock come back exactly once', async () => {
    const member = await seedMember(harness, { prefix: 'o-cancel', points: 1000, atMs: NOW })
    const orderId = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'cancel-request-1'))
    const answers = await Promise.all([cancel(member.openid, orderId), cancel(member.openid, orderId)])
    expect(answers.every((answer) => answer.ok)).toBe(true)
    expect(answers.filter((answer) => answer.ok && !answer.data.alreadyCancelled)).toMatchObject([
      { data: { refundedPoints: 300, balance: 1000, order: { status: 'cancelled' } } },
    ])
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(1000)
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: 50, sold: 0 })
    const { data: refunds } = await harness.db
      .collection('ledger')
      .where({ memberId: member.memberId, type: 'earn', source: `cancel:${orderId}` })
      .get()
    expect(refunds).toHaveLength(1)
    await expect(cancel(member.openid, orderId)).resolves.toMatchObject({
      ok: true,
      data: { alreadyCancelled: true, refundedPoints: 0 },
    })
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: 50, sold: 0 })
  })

  it('frees the per-member limit, so the member can redeem the item again', async () => {
    const member = await seedMember(harness, { prefix: 'o-again', points: 1000, atMs: NOW })
    const orderId = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'again-request-1'))
    await expect(redeem(member.openid, 'item-tote-bag', 'again-request-2')).resolves.toMatchObject({
      ok: false,
      code: 'LIMIT_REACHED',
    })
    await cancel(member.openid, orderId)
    await expect(redeem(member.openid, 'item-tote-bag', 'again-request-3', NOW + 120_000)).resolves.toMatchObject({
      ok: true,
    })
  })

  it('gives refunded points back their own expiry, and the programme’s expiry to points whose lot has lapsed', async () => {
    const soonMs = NOW + 2 * DAY_MS
    const member = await seedMember(harness, {
      prefix: 'o-lots',
      points: 300,
      expiresAtMs: soonMs,
      atMs: NOW,
    })
    const orderId = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'lots-request-1'))
    await cancel(member.openid, orderId, NOW + DAY_MS)
    const { data: kept } = await harness.db.collection('members').doc(member.memberId).get()
    expect(kept.points.lots).toEqual([{ expiresAtMs: soonMs, amount: 300 }])

    const late = await seedMember(harness, {
      prefix: 'o-lapsed',
      points: 300,
      expiresAtMs: soonMs,
      atMs: NOW,
    })
    const lateOrder = orderIdOf(await redeem(late.openid, 'item-tote-bag', 'lots-request-2'))
    await cancel(late.openid, lateOrder, soonMs + 1)
    const { data: lapsed } = await harness.db.collection('members').doc(late.memberId).get()
    // The demo programme keeps points until the end of the following year (Shanghai time).
    expect(lapsed.points.lots).toEqual([{ expiresAtMs: Date.UTC(2027, 11, 31, 16), amount: 300 }])
  })

  it('refuses to cancel a picked-up order, or someone else’s', async () => {
    const member = await seedMember(harness, { prefix: 'o-picked-1', points: 1000, atMs: NOW })
    const stranger = await seedMember(harness, { prefix: 'o-picked-2', points: 1000, atMs: NOW })
    const orderId = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'picked-request-1'))
    await expect(cancel(stranger.openid, orderId)).resolves.toMatchObject({ ok: false, code: 'ORDER_NOT_FOUND' })
    await harness.db
      .collection('orders')
      .doc(orderId)
      .update({ data: { status: 'pickedUp', pickedUpAtMs: NOW } })
    await expect(cancel(member.openid, orderId)).resolves.toMatchObject({
      ok: false,
      code: 'ORDER_NOT_CANCELLABLE',
      message: '订单已领取，无法取消',
    })
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(700)
    await expect(stockOf(harness, 'item-tote-bag')).resolves.toEqual({ stock: 49, sold: 1 })
  })

  it('costs 11 database requests to cancel, 9 for an item without a limit', async () => {
    await insertItem(harness, { id: 'unlimited-gift', perMemberLimit: null })
    const member = await seedMember(harness, { prefix: 'o-cancel-count', points: 1000, atMs: NOW })
    const orderId = orderIdOf(await redeem(member.openid, 'item-tote-bag', 'cancel-count-1'))
    const unlimitedOrderId = orderIdOf(await redeem(member.openid, 'unlimited-gift', 'cancel-count-2'))
    await Promise.all(
      Array.from({ length: 16 }, () => harness.call('mall', 'orders', {}, { as: member.openid, atMs: NOW })),
    )
    await Promise.all(Array.from({ length: 16 }, () => cancel(member.openid, 'no-such-order')))
    // Start, order and member, counter, entry + order + member + counter + stat event writes, commit (10);
    // the unit back (1).
    await expect(harness.countRequests(() => cancel(member.openid, orderId))).resolves.toBe(11)
    // The order was never counted: no counter read or write (8), the unit back (1).
    let unlimitedAnswer: unknown
    await expect(
      harness.countRequests(async () => {
        unlimitedAnswer = await cancel(member.openid, unlimitedOrderId)
      }),
    ).resolves.toBe(9)
    expect(unlimitedAnswer).toMatchObject({ ok: true, data: { alreadyCancelled: false, refundedPoints: 100 } })
  })

  it('relies on the unique index to refuse a second order with the same pickup code', async () => {
    // The redemption draws a new code when its transaction fails with a duplicate key: this is that failure.
    await harness.db.collection('orders').add({ data: { _id: 'first', memberId: 'm1', pickupCode: '12345678' } })
    const duplicate = harness.db.runTransaction(
      async (transaction: { collection(name: string): { add(options: unknown): Promise<unknown> } }) => {
        await transaction.collection('orders').add({ data: { _id: 'second', memberId: 'm2', pickupCode: '12345678' } })
      },
    )
    const error = await duplicate.then(
      () => null,
      (failure: unknown) => failure,
    )
    expect(isDuplicateKeyError(error)).toBe(true)
  })
})

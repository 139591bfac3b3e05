/**
 * The `expireOrders` job through the real SDK: a pickup order still waiting when its window ends is
 * cancelled exactly as the member's cancel would (points back to their lots, stock back, the
 * per-member counter counted off), once, whether the job runs twice, twice at once, or races the
 * member's cancel or the counter's verification. The harness checks balance = ledger sum after each.
 */
import type { JobOutcome } from '@shared/contracts'
import { jobRunIdOf } from '@shared/jobs'
import { membersWithOrders as placeOrders } from '../mall/seededMembers'
import { balanceOf, stockOf } from '../mall/testItems'
import { ADMIN, STAFF } from '../staff/staffFixtures'
import { dataOf, tally } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(120_000)

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** Noon in Shanghai, on the hour: the orders are placed then. */
const PLACED_AT = Date.UTC(2026, 10, 23, 4)
/** The demo programme's pickup window (30 days) ends here, on the hour, so the seconds either side are two runs. */
const WINDOW_ENDS = PLACED_AT + 30 * DAY_MS
const ITEM = 'item-tote-bag'
const PRICE = 300

describe('jobs.expireOrders', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'expireOrders', dryRun }, { as: ADMIN, atMs }))

  /**
   * `count` members with 1000 points, each with one order of the tote bag placed at PLACED_AT (the
   * simulated clock runs on in real time, so the order's instant is set to exactly PLACED_AT after).
   */
  async function membersWithOrders(prefix: string, count: number) {
    const members = await placeOrders(harness, { prefix, count, itemId: ITEM, atMs: PLACED_AT })
    const placed = []
    for (const member of members) {
      await harness.db
        .collection('orders')
        .doc(member.orderId)
        .update({ data: { createdAtMs: PLACED_AT } })
      const { data } = await harness.db.collection('orders').doc(member.orderId).get()
      placed.push({ ...member, pickupCode: data.pickupCode as string })
    }
    return placed
  }

  const orderOf = async (orderId: string) => (await harness.db.collection('orders').doc(orderId).get()).data
  const refundsOf = async (orderId: string) =>
    (
      await harness.db
        .collection('ledger')
        .where({ source: `cancel:${orderId}` })
        .get()
    ).data
  const counterOf = async (memberId: string) =>
    (await harness.db.collection('redemptions').doc(`${memberId}_${ITEM}`).get()).data.count

  it('leaves an order one second before its window ends, and cancels it one second after: points, stock and limit back', async () => {
    const [member] = await membersWithOrders('o-expire-edge', 1)
    if (!member) throw new Error('no member')
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 49, sold: 1 })

    await expect(runAt(WINDOW_ENDS - 1000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 0, affected: 0, effects: 0, points: 0 },
    })
    await expect(orderOf(member.orderId)).resolves.toMatchObject({ status: 'awaitingPickup', cancelledAtMs: null })

    const after = await runAt(WINDOW_ENDS + 1000)
    expect(after).toMatchObject({
      outcome: 'finished',
      summary: { scanned: 1, affected: 1, effects: 1, points: PRICE, skipped: 0, invocations: 1 },
    })
    expect(after.period).not.toBe((await runAt(WINDOW_ENDS - 1000, true)).period)
    await expect(orderOf(member.orderId)).resolves.toMatchObject({
      status: 'cancelled',
      cancelledBy: 'expiry',
      cancelledAtMs: expect.any(Number),
    })
    await expect(refundsOf(member.orderId)).resolves.toEqual([
      expect.objectContaining({ _id: `cancel_${member.orderId}`, type: 'earn', amount: PRICE, balanceAfter: 1000 }),
    ])
    await expect(balanceOf(harness, member.memberId)).resolves.toBe(1000)
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50, sold: 0 })
    await expect(counterOf(member.memberId)).resolves.toBe(0)
    // The member sees why, and may redeem the item again.
    const orders = await harness.call('mall', 'orders', {}, { as: member.openid, atMs: WINDOW_ENDS + HOUR_MS })
    expect(orders).toMatchObject({ ok: true, data: { orders: [{ status: 'cancelled', cancelledBy: 'expiry' }] } })
    await expect(
      harness.call(
        'mall',
        'redeem',
        { itemId: ITEM, requestId: 'o-expire-edge-request-again' },
        { as: member.openid, atMs: WINDOW_ENDS + HOUR_MS },
      ),
    ).resolves.toMatchObject({ ok: true })
  })

  it('does nothing the second time: the hour’s run is done, and the next hour finds nothing left', async () => {
    const members = await membersWithOrders('o-expire-twice', 3)
    await expect(runAt(WINDOW_ENDS + 1000)).resolves.toMatchObject({ summary: { affected: 3, points: 3 * PRICE } })
    const ledger = await harness.db.collection('ledger').count()
    await expect(runAt(WINDOW_ENDS + 2000)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    await expect(runAt(WINDOW_ENDS + HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 0, affected: 0 },
    })
    await expect(harness.db.collection('ledger').count()).resolves.toEqual(ledger)
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50, sold: 0 })
    for (const member of members) await expect(balanceOf(harness, member.memberId)).resolves.toBe(1000)
  })

  it('lets one of four runs fired at once cancel; the others answer leased or done and write nothing', async () => {
    const members = await membersWithOrders('o-expire-overlap', 6)
    await Promise.all([harness.warm('jobs'), harness.warm('mall')])
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(WINDOW_ENDS + 1000)))
    const finished = outcomes.filter((outcome) => outcome.outcome === 'finished')
    expect(finished).toMatchObject([{ summary: { affected: 6, points: 6 * PRICE } }])
    for (const outcome of outcomes.filter((o) => o.outcome !== 'finished')) {
      expect(['leased', 'alreadyDone']).toContain(outcome.outcome)
      expect(outcome.summary.effects).toBe(0)
    }
    for (const member of members) await expect(refundsOf(member.orderId)).resolves.toHaveLength(1)
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50, sold: 0 })
  })

  it('refunds once when members cancel while the job runs: each cancel answers, and the job skips what they took', async () => {
    const members = await membersWithOrders('o-expire-cancel-race', 6)
    await Promise.all([harness.warm('jobs'), harness.warm('mall')])
    const [outcome, ...cancels] = await Promise.all([
      runAt(WINDOW_ENDS + 1000),
      ...members.map((member) =>
        harness.call(
          'mall',
          'cancelOrder',
          { orderId: member.orderId },
          { as: member.openid, atMs: WINDOW_ENDS + 1000 },
        ),
      ),
    ])
    expect(tally(cancels)).toEqual({ ok: members.length })
    const byMember = cancels.filter((answer) => answer.ok && !answer.data.alreadyCancelled)
    for (const answer of byMember) expect(answer).toMatchObject({ data: { refundedPoints: PRICE, balance: 1000 } })
    expect(outcome?.outcome).toBe('finished')
    expect((outcome?.summary.affected ?? 0) + byMember.length).toBe(members.length)
    expect(outcome?.summary.points).toBe((outcome?.summary.affected ?? 0) * PRICE)
    for (const [index, member] of members.entries()) {
      const answer = cancels[index]
      const cancelledByMember = answer?.ok === true && !answer.data.alreadyCancelled
      await expect(orderOf(member.orderId)).resolves.toMatchObject({
        status: 'cancelled',
        cancelledBy: cancelledByMember ? 'member' : 'expiry',
      })
      await expect(refundsOf(member.orderId)).resolves.toHaveLength(1)
      await expect(balanceOf(harness, member.memberId)).resolves.toBe(1000)
      await expect(counterOf(member.memberId)).resolves.toBe(0)
    }
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50, sold: 0 })
  })

  it('never refunds an order staff hand over while the job runs: each pickup either happens or is refused as cancelled', async () => {
    const members = await membersWithOrders('o-expire-pickup-race', 6)
    await Promise.all([harness.warm('jobs'), harness.warm('staff')])
    const [outcome, ...pickups] = await Promise.all([
      runAt(WINDOW_ENDS + 1000),
      ...members.map((member) =>
        harness.call(
          'staff',
          'verifyPickup',
          { pickupCode: member.pickupCode },
          { as: STAFF, atMs: WINDOW_ENDS + 1000 },
        ),
      ),
    ])
    const counts = tally(pickups)
    expect((counts.ok ?? 0) + (counts.ORDER_CANCELLED ?? 0)).toBe(members.length)
    expect(outcome).toMatchObject({
      outcome: 'finished',
      summary: { affected: counts.ORDER_CANCELLED ?? 0, points: (counts.ORDER_CANCELLED ?? 0) * PRICE },
    })
    for (const [index, member] of members.entries()) {
      const handedOver = pickups[index]?.ok === true
      await expect(orderOf(member.orderId)).resolves.toMatchObject({
        status: handedOver ? 'pickedUp' : 'cancelled',
      })
      await expect(refundsOf(member.orderId)).resolves.toHaveLength(handedOver ? 0 : 1)
      await expect(balanceOf(harness, member.memberId)).resolves.toBe(handedOver ? 1000 - PRICE : 1000)
    }
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50 - (counts.ok ?? 0), sold: counts.ok ?? 0 })
  })

  it('writes nothing twice when a run starts over after its cancels were written', async () => {
    const members = await membersWithOrders('o-expire-again', 3)
    const first = await runAt(WINDOW_ENDS + 1000)
    // As if the invocation died after its last cancel but before saving: running, no cursor, lease lapsed.
    await harness.db
      .collection('job_runs')
      .doc(jobRunIdOf('expireOrders', first.period))
      .update({ data: { status: 'running', cursor: null, leaseUntilMs: 0, finishedAtMs: null } })
    await expect(runAt(WINDOW_ENDS + 2000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { affected: 3, invocations: 2 },
    })
    for (const member of members) await expect(refundsOf(member.orderId)).resolves.toHaveLength(1)
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 50, sold: 0 })
  })

  it('counts in a dry run what it would cancel and refund, and writes nothing', async () => {
    const members = await membersWithOrders('o-expire-dry', 2)
    const ledger = await harness.db.collection('ledger').count()
    await expect(runAt(WINDOW_ENDS + 1000, true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { scanned: 2, affected: 2, effects: 2, points: 2 * PRICE },
    })
    await expect(harness.db.collection('ledger').count()).resolves.toEqual(ledger)
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
    for (const member of members)
      await expect(orderOf(member.orderId)).resolves.toMatchObject({ status: 'awaitingPickup' })
    await expect(stockOf(harness, ITEM)).resolves.toEqual({ stock: 48, sold: 2 })
  })
})

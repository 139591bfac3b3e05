/**
 * The `reconcileStock` job through the real SDK: a unit a crashed redemption left held (or a cancel
 * whose give-back failed left sold) goes back on sale, and a coupon a crashed claim left held goes
 * back to the template, but only on a counter quiet for longer than any request lives: a unit held
 * by a redemption possibly still in flight is left alone. Never a blind overwrite: racing
 * redemptions make the recount match nothing, and nothing is ever oversold.
 */
import type { JobOutcome } from '@shared/contracts'
import { COUNTER_SETTLE_MS } from '@shared/jobs'
import { insertTemplate } from '../coupon/testTemplates'
import { membersWithOrders, seedMembers } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import { ADMIN } from '../staff/staffFixtures'
import { dataOf, tally } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(120_000)

const DAY_MS = 86_400_000
/** Noon in Shanghai: the redemptions happen then. */
const AT = Date.UTC(2026, 10, 23, 4)
const ITEM = 'recount-gift'

describe('jobs.reconcileStock', () => {
  const harness = useFunctionHarness()
  /** The database's commands (`inc`, `gte`), as the functions use them. */
  const command = () => harness.db.command

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'reconcileStock', dryRun }, { as: ADMIN, atMs }))

  const countersOf = async (itemId: string) => {
    const { data } = await harness.db.collection('mall_items').doc(itemId).get()
    return { stock: data.stock, sold: data.sold, held: data.held ?? 0 }
  }

  /** Members with points, each redeeming one unit of ITEM (stock 10) at AT. */
  async function redeemed(prefix: string, count: number) {
    await insertItem(harness, { id: ITEM, stock: 10 })
    return membersWithOrders(harness, { prefix, count, itemId: ITEM, atMs: AT })
  }

  /** What a redemption that died after its reservation leaves: the reservation's own update, and no order. */
  const strandReservation = (itemId: string, atMs: number) =>
    harness.db
      .collection('mall_items')
      .where({ _id: itemId, stock: command().gte(1) })
      .update({
        data: { stock: command().inc(-1), sold: command().inc(1), held: command().inc(1), reservedAtMs: atMs },
      })

  it('gives back a unit a crashed redemption held and one a failed give-back kept sold, and nothing that was sold', async () => {
    const [kept, cancelled] = await redeemed('o-recount-stranded', 2)
    if (!kept || !cancelled) throw new Error('no members')
    // A cancel whose give-back failed: the order is cancelled, its unit still counted sold.
    await harness.call('mall', 'cancelOrder', { orderId: cancelled.orderId }, { as: cancelled.openid, atMs: AT })
    await harness.db
      .collection('mall_items')
      .doc(ITEM)
      .update({ data: { stock: command().inc(-1), sold: command().inc(1) } })
    await strandReservation(ITEM, AT)
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 7, sold: 3, held: 1 })

    await expect(runAt(AT + COUNTER_SETTLE_MS + 60_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { affected: 1, effects: 1, skipped: 0 },
    })
    // One order remains (the kept one): one unit sold, nine back on sale.
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 9, sold: 1, held: 0 })
    // Run again (the next day): everything agrees.
    await expect(runAt(AT + DAY_MS)).resolves.toMatchObject({ outcome: 'finished', summary: { affected: 0 } })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 9, sold: 1, held: 0 })
  })

  it('leaves a unit held by a redemption that may still be in flight, and recovers it once that cannot be', async () => {
    await redeemed('o-recount-in-flight', 1)
    const reservedAtMs = AT + 60 * 60_000
    await strandReservation(ITEM, reservedAtMs)
    await expect(runAt(reservedAtMs + 60_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { affected: 0, skipped: 1 },
    })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 8, sold: 2, held: 1 })
    // The next day nothing can still be settling it: it goes back on sale.
    await expect(runAt(reservedAtMs + DAY_MS)).resolves.toMatchObject({ summary: { affected: 1 } })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 9, sold: 1, held: 0 })
  })

  it('leaves an item whose cancel may still be giving its unit back', async () => {
    const [member] = await redeemed('o-recount-cancelling', 1)
    if (!member) throw new Error('no member')
    const cancelAt = AT + 60 * 60_000
    // Cancelled (committed), its unit not back yet: the give-back follows the commit.
    await harness.call('mall', 'cancelOrder', { orderId: member.orderId }, { as: member.openid, atMs: cancelAt })
    await harness.db
      .collection('mall_items')
      .doc(ITEM)
      .update({ data: { stock: command().inc(-1), sold: command().inc(1) } })
    await expect(runAt(cancelAt + 60_000)).resolves.toMatchObject({ summary: { affected: 0, skipped: 1 } })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 9, sold: 1, held: 0 })
    // The give-back arrives: counted once.
    await harness.db
      .collection('mall_items')
      .doc(ITEM)
      .update({ data: { stock: command().inc(1), sold: command().inc(-1) } })
    await expect(runAt(cancelAt + DAY_MS)).resolves.toMatchObject({ summary: { affected: 0 } })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 10, sold: 0, held: 0 })
  })

  it('gives a stranded unit back once when two runs start at once', async () => {
    await redeemed('o-recount-overlap', 1)
    await strandReservation(ITEM, AT)
    await harness.warm('jobs')
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(AT + COUNTER_SETTLE_MS + 60_000)))
    expect(outcomes.filter((outcome) => outcome.outcome === 'finished')).toMatchObject([{ summary: { affected: 1 } }])
    for (const outcome of outcomes.filter((o) => o.outcome !== 'finished')) {
      expect(['leased', 'alreadyDone']).toContain(outcome.outcome)
      expect(outcome.summary.effects).toBe(0)
    }
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 9, sold: 1, held: 0 })
  })

  it('never oversells when redemptions race the recount: sold always covers the orders, stock + sold stays 10', async () => {
    await redeemed('o-recount-live', 1)
    await strandReservation(ITEM, AT)
    const racers = await seedMembers(harness, { prefix: 'o-recount-racer', count: 6, points: 1000, atMs: AT })
    await Promise.all([harness.warm('jobs'), harness.warm('mall')])
    const runsAt = AT + COUNTER_SETTLE_MS + 60_000
    const [outcome, ...answers] = await Promise.all([
      runAt(runsAt),
      ...racers.map((racer, index) =>
        harness.call(
          'mall',
          'redeem',
          { itemId: ITEM, requestId: `o-recount-race-${index}` },
          { as: racer.openid, atMs: runsAt },
        ),
      ),
    ])
    expect(tally(answers)).toEqual({ ok: 6 })
    const { total: orders } = await harness.db.collection('orders').where({ itemId: ITEM }).count()
    expect(orders).toBe(7)
    const counters = await countersOf(ITEM)
    expect(counters.stock + counters.sold).toBe(10)
    // Either the recount landed (the stranded unit is back) or a redemption moved the counter first and it waits.
    if (outcome?.summary.affected === 1) expect(counters).toEqual({ stock: 3, sold: 7, held: 0 })
    else expect(counters).toEqual({ stock: 2, sold: 8, held: 1 })
    await runAt(runsAt + DAY_MS)
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 3, sold: 7, held: 0 })
  })

  it('gives back a coupon a crashed claim held on its template', async () => {
    await insertTemplate(harness, { id: 'recount-coupon', totalQuantity: 5 })
    const [member] = await seedMembers(harness, { prefix: 'o-recount-claim', count: 1, points: 10, atMs: AT })
    const claim = await harness.call(
      'coupon',
      'claim',
      { templateId: 'recount-coupon', requestId: 'o-recount-claim-request' },
      { as: member?.openid ?? '', atMs: AT },
    )
    expect(claim).toMatchObject({ ok: true })
    await harness.db
      .collection('coupon_templates')
      .doc('recount-coupon')
      .update({ data: { issued: command().inc(1), held: command().inc(1), reservedAtMs: AT } })
    await expect(runAt(AT + 60_000)).resolves.toMatchObject({ summary: { affected: 0, skipped: 1 } })
    await expect(runAt(AT + DAY_MS)).resolves.toMatchObject({ summary: { affected: 1 } })
    const { data } = await harness.db.collection('coupon_templates').doc('recount-coupon').get()
    expect({ issued: data.issued, held: data.held }).toEqual({ issued: 1, held: 0 })
  })

  it('counts a template’s gifted coupons with its claimed ones, and leaves a right count alone', async () => {
    await insertTemplate(harness, { id: 'recount-gifts', totalQuantity: 5 })
    const [member] = await seedMembers(harness, { prefix: 'o-recount-gift', count: 1, points: 10, atMs: AT })
    const claim = await harness.call(
      'coupon',
      'claim',
      { templateId: 'recount-gifts', requestId: 'o-recount-gift-request' },
      { as: member?.openid ?? '', atMs: AT },
    )
    if (!claim.ok) throw new Error(claim.message)
    // A birthday gift of the same template, as the grant writes it: it took one of the total too.
    const claimed = (await harness.db.collection('coupons').doc(claim.data.coupon.id).get()).data
    const { _id: _claimedId, ...fields } = claimed
    await harness.db.collection('coupons').add({ data: { ...fields, _id: 'gift-recount', source: 'birthday' } })
    await harness.db
      .collection('coupon_templates')
      .doc('recount-gifts')
      .update({ data: { issued: command().inc(1) } })
    await expect(runAt(AT + DAY_MS)).resolves.toMatchObject({ outcome: 'finished' })
    const { data } = await harness.db.collection('coupon_templates').doc('recount-gifts').get()
    expect({ issued: data.issued, held: data.held ?? 0 }).toEqual({ issued: 2, held: 0 })
  })

  it('counts in a dry run what it would correct, and writes nothing', async () => {
    await redeemed('o-recount-dry', 1)
    await strandReservation(ITEM, AT)
    await expect(runAt(AT + COUNTER_SETTLE_MS + 60_000, true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { affected: 1, effects: 1 },
    })
    await expect(countersOf(ITEM)).resolves.toEqual({ stock: 8, sold: 2, held: 1 })
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
  })
})

/**
 * A history checker in the spirit of Jepsen: seeded random concurrent mixes of join, check-in, profile
 * completion, coupon verification, purchases (receipts repeat), reversals, redemptions,
 * cancellations and claims, by several members and clerks of two stores, with every instance warm; then every invariant is
 * checked on the database and on the answers. The harness adds, after each test, that every balance
 * equals its ledger sum and its lots, with nothing negative.
 *
 * A fixed small budget runs in `npm test`; `npm run soak` runs many more seeds (SOAK_SEEDS,
 * SOAK_WAVES). A failure names the seed, so `SOAK_FIRST_SEED=<seed> SOAK_SEEDS=1 npm run soak`
 * replays it.
 */

import { insertTemplate } from './coupon/testTemplates'
import { seedMembers } from './mall/seededMembers'
import { insertItem } from './mall/testItems'
import { bindStoreTwo, NOW } from './staff/staffFixtures'
import { tally } from './support/answers'
import { useFunctionHarness } from './support/functionHarness'
import { type HistoryEvent, runWorkload, type WorkloadWorld } from './support/randomWorkload'

const numberFrom = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const FIRST_SEED = numberFrom('SOAK_FIRST_SEED', 1)
const SEEDS = numberFrom('SOAK_SEEDS', 2)
const WAVES = numberFrom('SOAK_WAVES', 3)
const PER_WAVE = numberFrom('SOAK_PER_WAVE', 16)

const STOCK = 6
const ITEM_LIMIT = 2
const COUPON_TOTAL = 5

jest.setTimeout(60_000 + SEEDS * WAVES * 15_000)

/** The answers of one operation, counted by code. */
function codesOf(history: readonly HistoryEvent[], operation: string): Record<string, number> {
  return tally(history.filter((event) => event.operation === operation).map((event) => event.answer))
}

async function all(harness: ReturnType<typeof useFunctionHarness>, collection: string, where: object) {
  const { data } = await harness.db.collection(collection).where(where).limit(1000).get()
  return data as Record<string, unknown>[]
}

describe('history checker: random concurrent workloads keep every invariant', () => {
  const harness = useFunctionHarness()
  const figures = { histories: 0, operations: 0, violations: 0 }
  const answers: Record<string, number> = {}

  afterAll(() => {
    const mix = Object.entries(answers)
      .sort()
      .map(([answer, count]) => `${answer} ${count}`)
      .join(', ')
    console.info(
      `history checker: ${figures.histories} histories, ${figures.operations} operations, ${figures.violations} violations\n${mix}`,
    )
  })

  it.each(Array.from({ length: SEEDS }, (_, index) => FIRST_SEED + index))('seed %i', async (seed) => {
    await bindStoreTwo(harness)
    const members = await seedMembers(harness, { prefix: `o-soak-${seed}`, count: 5, points: 1500, atMs: NOW })
    await insertItem(harness, { id: 'soak-item', pointsPrice: 300, stock: STOCK, perMemberLimit: ITEM_LIMIT })
    await insertTemplate(harness, { id: 'soak-template', totalQuantity: COUPON_TOTAL, perMemberLimit: 1 })
    const world: WorkloadWorld = { members, itemId: 'soak-item', templateId: 'soak-template', nowMs: NOW }
    for (const name of ['checkin', 'member', 'staff', 'mall', 'coupon'] as const) await harness.warm(name)

    const history = await runWorkload(harness, world, { seed, waves: WAVES, perWave: PER_WAVE })
    figures.histories += 1
    figures.operations += history.length
    for (const event of history) {
      const answer = `${event.operation} ${event.answer.ok ? 'ok' : event.answer.code}`
      answers[answer] = (answers[answer] ?? 0) + 1
    }
    try {
      await checkInvariants(history)
    } catch (error) {
      figures.violations += 1
      const lines = history.map(
        (event) =>
          `${event.wave} ${event.operation} ${JSON.stringify(event.input)} → ${event.answer.ok ? 'ok' : event.answer.code}`,
      )
      throw new Error(`seed ${seed} broke an invariant:\n${(error as Error).message}\nhistory:\n${lines.join('\n')}`)
    }
  })

  async function checkInvariants(history: readonly HistoryEvent[]): Promise<void> {
    // No answer is INTERNAL (the harness already refuses codes a contract does not list).
    expect(history.filter((event) => !event.answer.ok && event.answer.code === 'INTERNAL')).toEqual([])

    // Stock: never oversold, nothing left held, and stock + sold is the initial stock (no crash here).
    const [item] = await all(harness, 'mall_items', { _id: 'soak-item' })
    const orders = await all(harness, 'orders', { itemId: 'soak-item' })
    const live = orders.filter((order) => order.status !== 'cancelled')
    expect({ stock: item?.stock, sold: item?.sold, held: item?.held ?? 0 }).toEqual({
      stock: STOCK - live.length,
      sold: live.length,
      held: 0,
    })

    // Per-member limits: orders held and coupons claimed, and the counters that enforce them.
    const redemptionCounters = await all(harness, 'redemptions', { itemId: 'soak-item' })
    for (const counter of redemptionCounters) {
      const held = live.filter((order) => order.memberId === counter.memberId).length
      expect({ member: counter.memberId, count: counter.count }).toEqual({ member: counter.memberId, count: held })
      expect(held).toBeLessThanOrEqual(ITEM_LIMIT)
    }
    const coupons = await all(harness, 'coupons', { templateId: 'soak-template' })
    const [template] = await all(harness, 'coupon_templates', { _id: 'soak-template' })
    expect({ issued: template?.issued, held: template?.held ?? 0 }).toEqual({ issued: coupons.length, held: 0 })
    expect(coupons.length).toBeLessThanOrEqual(COUPON_TOTAL)
    const couponsByMember = new Map<unknown, number>()
    for (const coupon of coupons) couponsByMember.set(coupon.memberId, (couponsByMember.get(coupon.memberId) ?? 0) + 1)
    for (const count of couponsByMember.values()) expect(count).toBeLessThanOrEqual(1)

    // Every ok answer's effect is present: the purchase recorded, the order or coupon created.
    for (const event of history.filter((candidate) => candidate.answer.ok)) {
      const data = (event.answer.ok ? event.answer.data : {}) as Record<string, unknown>
      if (event.operation === 'recordPurchase') {
        expect(await all(harness, 'audit', { _id: data.purchaseEntryId })).toHaveLength(1)
      }
      if (event.operation === 'redeem') {
        const redemption = data.redemption as { order: { id: string } }
        expect(orders.map((order) => order._id)).toContain(redemption.order.id)
      }
      if (event.operation === 'claim') {
        expect(coupons.map((coupon) => coupon._id)).toContain((data.coupon as { id: string }).id)
      }
    }
    // A refused redemption or claim while units were left is a false "sold out" (unless a cancellation
    // gave the unit back after the refusal: only coupons never come back).
    if (live.length < STOCK && (codesOf(history, 'cancelOrder').ok ?? 0) === 0) {
      expect(codesOf(history, 'redeem').OUT_OF_STOCK ?? 0).toBe(0)
    }
    if (coupons.length < COUPON_TOTAL) expect(codesOf(history, 'claim').SOLD_OUT ?? 0).toBe(0)

    // One member per person however many joins raced, and a coupon verified once however often.
    const newcomers = await all(harness, 'members', { joinedStoreId: 'store-1' })
    const joinedOk = new Set(
      history
        .filter((event) => event.operation === 'join' && event.answer.ok)
        .map((event) => (event.input as { as: string }).as),
    )
    expect(newcomers.map((member) => member.openid).sort()).toEqual([...joinedOk].sort())
    const verifications = await all(harness, 'audit', { action: 'verifyCoupon' })
    expect(new Set(verifications.map((entry) => entry.subjectId)).size).toBe(verifications.length)
    expect(codesOf(history, 'verifyCoupon').ok ?? 0).toBe(verifications.length)
    expect(coupons.filter((coupon) => coupon.usedAtMs !== null)).toHaveLength(verifications.length)

    // One check-in per member per day, however many were sent.
    const checkIns = await all(harness, 'ledger', { source: `checkin:2026-11-23` })
    expect(new Set(checkIns.map((entry) => entry.memberId)).size).toBe(checkIns.length)
    expect(checkIns.length).toBe(
      new Set(
        history
          .filter((event) => event.operation === 'checkIn' && event.answer.ok)
          .map((event) => (event.input as { as: string }).as),
      ).size,
    )
  }
})

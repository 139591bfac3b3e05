/**
 * A seeded random mix of member and counter operations (join, check-in, profile completion,
 * purchases, reversals, redemptions, cancellations, claims, coupon verification), fired in concurrent waves through the real
 * SDK, and the history of what each call answered: the input of the history checker
 * (tests/functions/historyChecker.test.ts). Reproducible: the same seed draws the same operations.
 */
import type { ApiEnvelope } from '@shared/contracts'
import { codeFor, MANAGER, OTHER_STORE_STAFF, purchaseBy, STAFF } from '../staff/staffFixtures'
import type { FunctionHarness } from './functionHarness'

/** mulberry32: a small seeded generator, so a failing seed replays the same history. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export interface WorkloadWorld {
  readonly members: readonly { readonly openid: string; readonly memberId: string }[]
  readonly itemId: string
  readonly templateId: string
  readonly nowMs: number
}

/** One call made and what it answered. */
export interface HistoryEvent {
  readonly wave: number
  readonly operation: string
  readonly input: unknown
  readonly answer: ApiEnvelope<unknown>
}

type Call = () => Promise<ApiEnvelope<unknown>>

interface Drawn {
  readonly operation: string
  readonly input: unknown
  readonly call: Call
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T

/** What a wave may do, drawing from what earlier waves produced (purchases to reverse, orders to cancel). */
function drawOperation(
  harness: FunctionHarness,
  world: WorkloadWorld,
  random: () => number,
  earlier: readonly HistoryEvent[],
): Drawn {
  const member = pick(random, world.members)
  const as = { as: member.openid, atMs: world.nowMs }
  const requestId = `soak-${Math.floor(random() * 40)
    .toString()
    .padStart(4, '0')}`
  const recorded = earlier.flatMap((event) =>
    event.operation === 'recordPurchase' && event.answer.ok
      ? [(event.answer.data as { purchaseEntryId: string }).purchaseEntryId]
      : [],
  )
  const orders = earlier.flatMap((event) => {
    const data = event.answer.ok
      ? (event.answer.data as { redemption?: { kind: string; order?: { id: string } } })
      : null
    return event.operation === 'redeem' && data?.redemption?.order
      ? [{ openid: (event.input as { as: string }).as, orderId: data.redemption.order.id }]
      : []
  })
  const coupons = earlier.flatMap((event) =>
    event.operation === 'claim' && event.answer.ok ? [(event.answer.data as { coupon: { id: string } }).coupon.id] : [],
  )
  const choice = random()
  if (choice < 0.05) {
    // A few newcomers, so the same person's joins often race.
    const openid = `o-soak-newcomer-${Math.floor(random() * 3)}`
    return {
      operation: 'join',
      input: { as: openid },
      call: () => harness.call('member', 'join', { storeId: 'store-1' }, { as: openid, atMs: world.nowMs }),
    }
  }
  if (choice < 0.1 && coupons.length > 0) {
    // A minute on: each instance's simulated clock runs on from `nowMs`, so a coupon claimed "at"
    // nowMs may have been issued a few seconds after it.
    const atMs = world.nowMs + 60_000
    const input = { token: codeFor('coupon', pick(random, coupons), { atMs }) }
    const clerk = pick(random, [STAFF, OTHER_STORE_STAFF])
    return {
      operation: 'verifyCoupon',
      input,
      call: () => harness.call('staff', 'verifyCoupon', input, { as: clerk, atMs }),
    }
  }
  if (choice < 0.2) return { operation: 'checkIn', input: as, call: () => harness.call('checkin', 'checkIn', {}, as) }
  if (choice < 0.25) {
    const input = {
      nickname: '阿满',
      avatarUrl: 'https://example.com/a.png',
      birthday: '05-20',
      phoneCloudId: 'phone:13912345678',
    }
    return { operation: 'updateProfile', input, call: () => harness.call('member', 'updateProfile', input, as) }
  }
  if (choice < 0.5) {
    const clerk = pick(random, [STAFF, OTHER_STORE_STAFF])
    // A small pool of receipt numbers, so the same receipt is often recorded twice.
    const input = {
      memberId: member.memberId,
      amountFen: 100 + Math.floor(random() * 20_000),
      receiptNo: `R-${Math.floor(random() * 6)}`,
      requestId,
    }
    return {
      operation: 'recordPurchase',
      input,
      // The history keeps the member id; the call carries the session the clerk's scan would answer.
      call: () =>
        harness.call('staff', 'recordPurchase', purchaseBy(clerk, input, world.nowMs), {
          as: clerk,
          atMs: world.nowMs,
        }),
    }
  }
  if (choice < 0.6 && recorded.length > 0) {
    const input = { purchaseEntryId: pick(random, recorded), reason: '顾客退款' }
    return {
      operation: 'reversePurchase',
      input,
      call: () => harness.call('staff', 'reversePurchase', input, { as: MANAGER, atMs: world.nowMs }),
    }
  }
  if (choice < 0.8) {
    const input = { itemId: world.itemId, requestId }
    return {
      operation: 'redeem',
      input: { ...input, as: member.openid },
      call: () => harness.call('mall', 'redeem', input, as),
    }
  }
  if (choice < 0.88 && orders.length > 0) {
    const order = pick(random, orders)
    const input = { orderId: order.orderId }
    return {
      operation: 'cancelOrder',
      input,
      call: () => harness.call('mall', 'cancelOrder', input, { as: order.openid, atMs: world.nowMs }),
    }
  }
  const input = { templateId: world.templateId, requestId }
  return { operation: 'claim', input, call: () => harness.call('coupon', 'claim', input, as) }
}

/** Runs `waves` waves of `perWave` concurrent operations drawn from `seed`; answers the history. */
export async function runWorkload(
  harness: FunctionHarness,
  world: WorkloadWorld,
  options: { readonly seed: number; readonly waves: number; readonly perWave: number },
): Promise<HistoryEvent[]> {
  const random = randomSource(options.seed)
  const history: HistoryEvent[] = []
  for (let wave = 0; wave < options.waves; wave += 1) {
    const drawn = Array.from({ length: options.perWave }, () => drawOperation(harness, world, random, history))
    const answers = await Promise.all(drawn.map((operation) => operation.call()))
    drawn.forEach(({ operation, input }, index) => {
      history.push({ wave, operation, input, answer: answers[index] as ApiEnvelope<unknown> })
    })
  }
  return history
}

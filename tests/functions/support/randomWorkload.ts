/**
 * A seeded random mix of member and counter operations (join, check-in, makeup, profile completion,
 * purchases, reversals, redemptions, cancellations, pickups, claims, coupon verification), fired in
 * concurrent waves through the real SDK, with faults injected (invocations killed by a short time
 * limit, the database crashed and restarted mid-wave), and the history of what each call came to:
 * the input of the history checker (tests/functions/historyChecker.test.ts).
 *
 * Reproducible: a plan is drawn from the seed alone, before anything runs. An operation on something
 * an earlier wave produced (a purchase to reverse, an order to cancel or pick up, a coupon to verify)
 * draws which one as a fraction and resolves it when its wave starts, so the same seed plans the same
 * operations whatever the answers, and any subset of a plan (by operation id) can be run again.
 */
import type { ApiEnvelope, FunctionName } from '@shared/contracts'
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

/** What a call came to. */
export type Outcome =
  | { readonly kind: 'answered'; readonly answer: ApiEnvelope<unknown> }
  /** Killed at its time limit: the platform's error, as `callFunction` reports it. */
  | { readonly kind: 'timedOut'; readonly errCode: number; readonly message: string }
  /** Anything else: an invocation that crashed, or a code the action's contract does not list. */
  | { readonly kind: 'failed'; readonly message: string }

/** One call made and what it came to. */
export interface HistoryEvent {
  /** The planned operation's id, `<wave>.<index>`. */
  readonly id: string
  readonly wave: number
  readonly operation: string
  readonly input: unknown
  readonly outcome: Outcome
  /** The fault injected into this call: its own short time limit (ms), or null. */
  readonly timeLimitMs: number | null
  /** Whether the call was in flight while the database was down. */
  readonly duringOutage: boolean
  /** How long the call took, as the caller saw it (ms): what later time limits are drawn against. */
  readonly durationMs: number
}

/** The answer of a call that answered; null for one killed or failed. */
export function answerOf(event: HistoryEvent): ApiEnvelope<unknown> | null {
  return event.outcome.kind === 'answered' ? event.outcome.answer : null
}

/** The data of an `ok` answer; null for anything else. */
export function okDataOf<T = Record<string, unknown>>(event: HistoryEvent): T | null {
  const answer = answerOf(event)
  return answer?.ok ? (answer.data as T) : null
}

/** How an event counts in the answer mix: `ok`, the refusal's code, `TIMED_OUT` or `FAILED`. */
export function outcomeCodeOf(event: HistoryEvent): string {
  if (event.outcome.kind === 'timedOut') return 'TIMED_OUT'
  if (event.outcome.kind === 'failed') return 'FAILED'
  return event.outcome.answer.ok ? 'ok' : event.outcome.answer.code
}

/** The function behind each operation (to warm it again after one of its instances was killed). */
const FUNCTION_OF: Readonly<Record<string, FunctionName>> = {
  join: 'member',
  updateProfile: 'member',
  checkIn: 'checkin',
  makeup: 'checkin',
  recordPurchase: 'staff',
  reversePurchase: 'staff',
  verifyCoupon: 'staff',
  verifyPickup: 'staff',
  redeem: 'mall',
  cancelOrder: 'mall',
  claim: 'coupon',
}

type Call = () => Promise<ApiEnvelope<unknown>>

interface Drawn {
  readonly operation: string
  readonly input: unknown
  readonly call: Call
}

/** An operation on something an earlier wave produced, chosen when its wave starts; null when there is nothing. */
interface Referring {
  readonly operation: string
  refer(earlier: readonly HistoryEvent[]): Drawn | null
}

type Caller = Pick<FunctionHarness, 'call'>

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T

/** The value at `fraction` (drawn in [0, 1)) of `values`; null when there are none. */
const at = <T>(fraction: number, values: readonly T[]): T | null =>
  values.length === 0 ? null : (values[Math.floor(fraction * values.length)] as T)

/** What earlier calls produced that later ones act on. */
function producedBy(earlier: readonly HistoryEvent[]) {
  const ok = (operation: string) => earlier.filter((event) => event.operation === operation)
  const unique = <T>(values: readonly T[], key: (value: T) => string) => [
    ...new Map(values.map((value) => [key(value), value])).values(),
  ]
  const orders = unique(
    ok('redeem').flatMap((event) => {
      const order = okDataOf<{ redemption?: { order?: { id: string; pickupCode: string } } }>(event)?.redemption?.order
      return order
        ? [{ openid: (event.input as { as: string }).as, orderId: order.id, pickupCode: order.pickupCode }]
        : []
    }),
    (order) => order.orderId,
  )
  // Orders no ok call has collected or cancelled yet: where a pickup still races a cancel or its twin.
  const closed = new Set(
    [...ok('verifyPickup'), ...ok('cancelOrder')]
      .filter((event) => okDataOf(event) !== null)
      .map((event) => (event.input as { orderId: string }).orderId),
  )
  const open = orders.filter((order) => !closed.has(order.orderId))
  return {
    purchases: unique(
      ok('recordPurchase').flatMap((event) => {
        const id = okDataOf<{ purchaseEntryId: string }>(event)?.purchaseEntryId
        return id ? [id] : []
      }),
      (id) => id,
    ),
    orders,
    openOrders: open.length > 0 ? open : orders,
    coupons: unique(
      ok('claim').flatMap((event) => {
        const id = okDataOf<{ coupon: { id: string } }>(event)?.coupon.id
        return id ? [id] : []
      }),
      (id) => id,
    ),
  }
}

/**
 * An operation on the target at `fraction` of what earlier calls produced (`targets`), bound when its
 * wave starts; none when they produced nothing.
 */
function referTo<T>(
  operation: string,
  fraction: number,
  targets: (produced: ReturnType<typeof producedBy>) => readonly T[],
  bind: (target: T) => Omit<Drawn, 'operation'>,
): Referring {
  return {
    operation,
    refer: (earlier) => {
      const target = at(fraction, targets(producedBy(earlier)))
      return target === null ? null : { operation, ...bind(target) }
    },
  }
}

/** A business day `daysAgo` days before `nowMs` (noon in Shanghai, where the demo programme's day ends at midnight). */
function dayBefore(nowMs: number, daysAgo: number): string {
  return new Date(nowMs - daysAgo * 86_400_000).toISOString().slice(0, 10)
}

/**
 * One operation of wave `wave`. Operations on what earlier waves produced (purchases to reverse,
 * orders to cancel or pick up, coupons to verify) are not drawn in the first wave, which has none.
 */
function drawOperation(harness: Caller, world: WorkloadWorld, random: () => number, wave: number): Drawn | Referring {
  const member = pick(random, world.members)
  const as = { as: member.openid, atMs: world.nowMs }
  const requestId = `soak-${Math.floor(random() * 40)
    .toString()
    .padStart(4, '0')}`
  const choice = random()
  if (choice < 0.04) {
    // A few newcomers, so the same person's joins often race.
    const openid = `o-soak-newcomer-${Math.floor(random() * 3)}`
    return {
      operation: 'join',
      input: { as: openid },
      call: () => harness.call('member', 'join', { storeId: 'store-1' }, { as: openid, atMs: world.nowMs }),
    }
  }
  if (choice < 0.09 && wave > 0) {
    // A minute on: each instance's simulated clock runs on from `nowMs`, so a coupon claimed "at"
    // nowMs may have been issued a few seconds after it.
    const atMs = world.nowMs + 60_000
    const [fraction, clerk] = [random(), pick(random, [STAFF, OTHER_STORE_STAFF])]
    return referTo(
      'verifyCoupon',
      fraction,
      (produced) => produced.coupons,
      (coupon) => {
        const input = { token: codeFor('coupon', coupon, { atMs }) }
        return {
          input: { ...input, couponId: coupon },
          call: () => harness.call('staff', 'verifyCoupon', input, { as: clerk, atMs }),
        }
      },
    )
  }
  if (choice < 0.15) return { operation: 'checkIn', input: as, call: () => harness.call('checkin', 'checkIn', {}, as) }
  if (choice < 0.22) {
    // The last three days can be made up (the window), today cannot (MAKEUP_OUT_OF_WINDOW).
    const input = { day: dayBefore(world.nowMs, Math.floor(random() * 4)) }
    return {
      operation: 'makeup',
      input: { ...input, as: member.openid },
      call: () => harness.call('checkin', 'makeup', input, as),
    }
  }
  if (choice < 0.25) {
    const input = {
      nickname: '阿满',
      avatarUrl: 'https://example.com/a.png',
      birthday: '05-20',
      phoneCloudId: 'phone:13912345678',
    }
    return {
      operation: 'updateProfile',
      input: { ...input, as: member.openid },
      call: () => harness.call('member', 'updateProfile', input, as),
    }
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
  if (choice < 0.56 && wave > 0) {
    return referTo(
      'reversePurchase',
      random(),
      (produced) => produced.purchases,
      (purchaseEntryId) => {
        const input = { purchaseEntryId, reason: '顾客退款' }
        return {
          input,
          call: () => harness.call('staff', 'reversePurchase', input, { as: MANAGER, atMs: world.nowMs }),
        }
      },
    )
  }
  if (choice < 0.7) {
    const input = { itemId: world.itemId, requestId }
    return {
      operation: 'redeem',
      input: { ...input, as: member.openid },
      call: () => harness.call('mall', 'redeem', input, as),
    }
  }
  if (choice < 0.78 && wave > 0) {
    return referTo(
      'cancelOrder',
      random(),
      (produced) => produced.orders,
      (order) => {
        const input = { orderId: order.orderId }
        const options = { as: order.openid, atMs: world.nowMs }
        return {
          input: { ...input, as: order.openid },
          call: () => harness.call('mall', 'cancelOrder', input, options),
        }
      },
    )
  }
  if (choice < 0.9 && wave > 0) {
    const [fraction, clerk] = [random(), pick(random, [STAFF, OTHER_STORE_STAFF])]
    return referTo(
      'verifyPickup',
      fraction,
      (produced) => produced.openOrders,
      (order) => {
        const input = { pickupCode: order.pickupCode }
        const options = { as: clerk, atMs: world.nowMs }
        return {
          input: { ...input, orderId: order.orderId },
          call: () => harness.call('staff', 'verifyPickup', input, options),
        }
      },
    )
  }
  const input = { templateId: world.templateId, requestId }
  return {
    operation: 'claim',
    input: { ...input, as: member.openid },
    call: () => harness.call('coupon', 'claim', input, as),
  }
}

/**
 * A fault: the invocation's own time limit, as a share of how long the operation has been taking
 * (the median of its earlier calls), so that kills land all along it: before its first request,
 * mid-transaction, between its commit and its answer, or not at all.
 */
export interface KillFault {
  readonly share: number
  /** The limit of the run under way (ms), set as its wave starts. */
  limitMs: number
}

/** One operation of a plan, with the fault it carries. */
export interface PlannedOperation {
  /** `<wave>.<index>`: how a replay names it. */
  readonly id: string
  readonly wave: number
  readonly operation: string
  /** Null for most operations. */
  readonly kill: KillFault | null
  readonly drawn: Drawn | Referring
}

/** A fault: the database crashed `afterMs` into a wave, and back `downMs` later. */
export interface DatabaseCrash {
  readonly wave: number
  readonly afterMs: number
  readonly downMs: number
}

export interface WorkloadPlan {
  readonly seed: number
  readonly waves: number
  readonly operations: readonly PlannedOperation[]
  readonly databaseCrash: DatabaseCrash | null
}

export interface FaultOptions {
  /** The share of calls given a short time limit (`KillFault`). */
  readonly killRate: number
  /** Whether the database crashes during one wave. */
  readonly databaseCrash: boolean
}

/** The shares of an operation's usual duration a time limit is drawn from, uniformly. */
export const TIME_LIMIT_SHARES = [0.05, 1.3] as const
/** The usual duration assumed for an operation not seen yet (ms). */
const USUAL_DURATION_MS = 200

/** The share of operations that repeat the one before in the same wave. */
export const TWIN_RATE = 0.2

/** `random`, keeping every number it draws on `tape`. */
function recording(random: () => number, tape: number[]): () => number {
  return () => {
    const value = random()
    tape.push(value)
    return value
  }
}

/** The numbers of `tape` again, in order. */
function replaying(tape: readonly number[]): () => number {
  let next = 0
  return () => tape[next++] as number
}

/** A caller whose every invocation gets the fault's time limit. */
function withTimeLimit(harness: FunctionHarness, kill: KillFault | null): Caller {
  if (kill === null) return harness
  return {
    call: (name, action, input, options) =>
      harness.call(name, action, input, { ...options, timeLimitMs: kill.limitMs }),
  }
}

/** The median duration of the operation's earlier calls that answered. */
function usualDurationMs(history: readonly HistoryEvent[], operation: string): number {
  const durations = history
    .filter((event) => event.operation === operation && event.outcome.kind === 'answered')
    .map((event) => event.durationMs)
    .sort((a, b) => a - b)
  return durations.length === 0 ? USUAL_DURATION_MS : (durations[Math.floor(durations.length / 2)] as number)
}

/**
 * Draws `waves` waves of `perWave` operations from `seed`, and the faults from a stream of their own
 * (so the same seed plans the same operations with faults or without).
 */
export function planWorkload(
  harness: FunctionHarness,
  world: WorkloadWorld,
  options: { readonly seed: number; readonly waves: number; readonly perWave: number; readonly faults: FaultOptions },
): WorkloadPlan {
  const random = randomSource(options.seed)
  const faultRandom = randomSource(options.seed ^ 0x5bd1e995)
  const [low, high] = TIME_LIMIT_SHARES
  const operations: PlannedOperation[] = []
  let tape: number[] = []
  for (let wave = 0; wave < options.waves; wave += 1) {
    for (let index = 0; index < options.perWave; index += 1) {
      const [killed, fraction] = [faultRandom() < options.faults.killRate, faultRandom()]
      const kill = killed ? { share: low + fraction * (high - low), limitMs: 0 } : null
      // A twin of the operation before (a double tap, a retry): drawn again from the same numbers, so the same
      // call on the same target, at once, with its own fault.
      const twin = index > 0 && random() < TWIN_RATE
      if (!twin) tape = []
      const source = twin ? replaying(tape) : recording(random, tape)
      const drawn = drawOperation(withTimeLimit(harness, kill), world, source, wave)
      operations.push({ id: `${wave}.${index}`, wave, operation: drawn.operation, kill, drawn })
    }
  }
  const [crashWave, afterFraction, downFraction] = [faultRandom(), faultRandom(), faultRandom()]
  const databaseCrash = options.faults.databaseCrash
    ? {
        wave: Math.floor(crashWave * options.waves),
        afterMs: Math.floor(afterFraction * 200),
        downMs: 20 + Math.floor(downFraction * 200),
      }
    : null
  return { seed: options.seed, waves: options.waves, operations, databaseCrash }
}

async function outcomeOf(call: Call): Promise<Outcome> {
  try {
    return { kind: 'answered', answer: await call() }
  } catch (error) {
    const { kind, errCode, message } = error as { kind?: unknown; errCode?: unknown; message?: unknown }
    if (kind === 'timeout' && typeof errCode === 'number')
      return { kind: 'timedOut', errCode, message: String(message) }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
}

export interface RunOptions {
  /** Only these planned operations run (by id); every one when absent. */
  readonly only?: ReadonlySet<string>
  /** Whether the plan's database crash happens. @default true */
  readonly crash?: boolean
  /** After each wave, with the history so far: answers true to stop there. */
  readonly afterWave?: (history: readonly HistoryEvent[], wave: number) => Promise<boolean>
}

/** Runs one wave: every operation at once, the database crash (if planned) beside them. */
async function runWave(
  harness: FunctionHarness,
  operations: readonly { readonly planned: PlannedOperation; readonly drawn: Drawn }[],
  crash: DatabaseCrash | null,
): Promise<HistoryEvent[]> {
  let outage: { readonly fromMs: number; readonly toMs: number } | null = null
  const crashing = (async () => {
    if (!crash) return
    await new Promise((resolve) => setTimeout(resolve, crash.afterMs))
    const fromMs = performance.now()
    await harness.cloud.database.restart({ downMs: crash.downMs })
    outage = { fromMs, toMs: performance.now() }
  })()
  const settled = await Promise.all(
    operations.map(async ({ planned, drawn }) => {
      const startedMs = performance.now()
      const outcome = await outcomeOf(drawn.call)
      return { planned, drawn, outcome, startedMs, endedMs: performance.now() }
    }),
  )
  await crashing
  const window = outage as { readonly fromMs: number; readonly toMs: number } | null
  return settled.map(({ planned, drawn, outcome, startedMs, endedMs }) => ({
    id: planned.id,
    wave: planned.wave,
    operation: drawn.operation,
    input: drawn.input,
    outcome,
    timeLimitMs: planned.kill?.limitMs ?? null,
    duringOutage: window !== null && startedMs < window.toMs && endedMs > window.fromMs,
    durationMs: endedMs - startedMs,
  }))
}

/**
 * Runs a plan wave by wave (or the operations `only` names) and answers the history. After a wave in
 * which instances were killed, their functions are warmed again, so the next wave still races.
 */
export async function runWorkload(
  harness: FunctionHarness,
  plan: WorkloadPlan,
  options: RunOptions = {},
): Promise<HistoryEvent[]> {
  const history: HistoryEvent[] = []
  for (let wave = 0; wave < plan.waves; wave += 1) {
    const bound = plan.operations
      .filter((planned) => planned.wave === wave && (options.only?.has(planned.id) ?? true))
      .flatMap((planned) => {
        const drawn = 'refer' in planned.drawn ? planned.drawn.refer(history) : planned.drawn
        return drawn ? [{ planned, drawn }] : []
      })
    const crash = plan.databaseCrash?.wave === wave && options.crash !== false ? plan.databaseCrash : null
    if (bound.length === 0 && !crash) continue
    for (const { planned } of bound) {
      if (planned.kill)
        planned.kill.limitMs = Math.max(1, Math.round(planned.kill.share * usualDurationMs(history, planned.operation)))
    }
    const events = await runWave(harness, bound, crash)
    history.push(...events)
    const killed = new Set(events.filter((event) => event.outcome.kind === 'timedOut').map((event) => event.operation))
    for (const name of new Set([...killed].map((operation) => FUNCTION_OF[operation] as FunctionName))) {
      await harness.warm(name)
    }
    if (options.afterWave && (await options.afterWave(history, wave))) break
  }
  return history
}

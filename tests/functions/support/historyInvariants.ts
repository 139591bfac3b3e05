/**
 * The invariants of the history checker (tests/functions/historyChecker.test.ts): what the database
 * and the answers of a history must show, faults included. Each check names its invariant, so the
 * shrinker can tell whether a smaller history breaks the same one.
 *
 * Outcomes fall in three kinds. An `ok` answer's effect must be present; a refusal must have changed
 * nothing (every effect found is traced back to an `ok` or an uncertain call); an *uncertain* call
 * (killed at its time limit, or answered INTERNAL while the database was down) may have done all of
 * its units of work or none of each, never half of one: a unit of work is one transaction. What
 * such a call may leave besides, by design (see `common/reservation.ts`, `verifyCoupon`, `verifyPickup`):
 * a hot-counter unit still held, or not given back (undersold, never oversold), and a used coupon or
 * collected order without its audit entry. Hot counters may also be left so by any call in flight
 * during the outage, since their give-backs are logged rather than thrown.
 */
import type { ErrorCode } from '@shared/errors'
import { sumOfEntries, walletProblems } from '@shared/ledger'
import { cancelEntryKeyOf, redemptionEntryKeyOf } from '@shared/mall'
import { checkInEntryKeyOf, joinGiftKeyOf, makeupCostKeyOf, makeupEntryKeyOf, profileRewardKeyOf } from '@shared/member'
import { reversalKeyOf } from '@shared/staff'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { claimIdOf, redemptionIdOf } from '../../../cloudfunctions/common/requestKeys'
import type { FunctionHarness } from './functionHarness'
import { answerOf, type HistoryEvent, okDataOf } from './randomWorkload'

/** What the world of a history was set up with. */
export interface CheckedWorld {
  readonly itemId: string
  readonly templateId: string
  readonly stock: number
  readonly itemLimit: number
  readonly couponTotal: number
  readonly couponLimit: number
  readonly makeupMonthlyLimit: number
  /** The business day of the run, `YYYY-MM-DD`. */
  readonly today: string
  /** The store newcomers join in. */
  readonly joinStoreId: string
}

/** One invariant broken. */
export interface Violation {
  readonly invariant: string
  readonly detail: string
}

type Document = Record<string, unknown> & { readonly _id: string }

/** The collections the invariants read, each in full. */
export interface Snapshot {
  readonly members: readonly Document[]
  readonly ledger: readonly Document[]
  readonly orders: readonly Document[]
  readonly coupons: readonly Document[]
  readonly audit: readonly Document[]
  readonly redemptions: readonly Document[]
  readonly couponClaims: readonly Document[]
  readonly items: readonly Document[]
  readonly templates: readonly Document[]
}

const PAGE = 1000

async function everything(harness: FunctionHarness, collection: string): Promise<Document[]> {
  const documents: Document[] = []
  for (let offset = 0; ; offset += PAGE) {
    const { data } = await harness.db.collection(collection).skip(offset).limit(PAGE).get()
    documents.push(...(data as Document[]))
    if (data.length < PAGE) return documents
  }
}

/** Reads every collection the invariants look at. */
export async function snapshotOf(harness: FunctionHarness): Promise<Snapshot> {
  const names = [
    'members',
    'ledger',
    'orders',
    'coupons',
    'audit',
    'redemptions',
    'coupon_claims',
    'mall_items',
    'coupon_templates',
  ]
  const [members, ledger, orders, coupons, audit, redemptions, couponClaims, items, templates] = await Promise.all(
    names.map((name) => everything(harness, name)),
  )
  return { members, ledger, orders, coupons, audit, redemptions, couponClaims, items, templates } as Snapshot
}

const INTERNAL: ErrorCode = 'INTERNAL'

/** A call whose effect is unknown: killed at its time limit, or failed while the database was down. */
function uncertain(event: HistoryEvent): boolean {
  const answer = answerOf(event)
  return event.outcome.kind === 'timedOut' || (event.duringOutage && answer?.ok === false && answer.code === INTERNAL)
}

/** A call that may have left a hot counter's unit held or not given back. */
function unsettled(event: HistoryEvent): boolean {
  return uncertain(event) || event.duringOutage
}

const inputOf = <T>(event: HistoryEvent) => event.input as T
const memberOf = (event: HistoryEvent) => memberIdOf(inputOf<{ as: string }>(event).as)
const countBy = <T>(values: readonly T[]) => {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
const show = (value: unknown) => JSON.stringify(value)

/** Every invariant broken by `history`, as the database now shows it. */
export function violationsOf(history: readonly HistoryEvent[], snapshot: Snapshot, world: CheckedWorld): Violation[] {
  const violations: Violation[] = []
  const check = (invariant: string, holds: boolean, detail: () => string) => {
    if (!holds) violations.push({ invariant, detail: detail() })
  }
  const events = (operation: string) => history.filter((event) => event.operation === operation)
  const oks = (operation: string) => events(operation).filter((event) => okDataOf(event) !== null)
  const byId = (documents: readonly Document[]) => new Map(documents.map((document) => [document._id, document]))
  const ledger = byId(snapshot.ledger)
  const audit = byId(snapshot.audit)
  const orders = snapshot.orders.filter((order) => order.itemId === world.itemId)
  const coupons = snapshot.coupons.filter((coupon) => coupon.templateId === world.templateId)
  const context = { check, events, oks, ledger, audit, orders, coupons, world, snapshot, history }

  checkAnswers(history, check)
  checkLedger(context)
  checkStock(context)
  checkCheckIns(context)
  checkProfiles(context)
  checkPurchases(context)
  checkOrders(context)
  checkCoupons(context)
  checkJoins(context)
  return violations
}

interface Context {
  readonly check: (invariant: string, holds: boolean, detail: () => string) => void
  readonly events: (operation: string) => HistoryEvent[]
  readonly oks: (operation: string) => HistoryEvent[]
  readonly ledger: ReadonlyMap<string, Document>
  readonly audit: ReadonlyMap<string, Document>
  readonly orders: readonly Document[]
  readonly coupons: readonly Document[]
  readonly world: CheckedWorld
  readonly snapshot: Snapshot
  readonly history: readonly HistoryEvent[]
}

/** Only killed calls fail, with the platform's timeout error; INTERNAL only while the database was down. */
function checkAnswers(history: readonly HistoryEvent[], check: Context['check']): void {
  for (const event of history) {
    const { outcome } = event
    check('answers', outcome.kind !== 'failed', () => `${event.id} ${event.operation} failed: ${show(outcome)}`)
    if (outcome.kind === 'timedOut') {
      check(
        'answers',
        event.timeLimitMs !== null &&
          outcome.errCode === -504003 &&
          /FUNCTIONS_TIME_LIMIT_EXCEEDED/.test(outcome.message),
        () =>
          `${event.id} ${event.operation} timed out without a short limit, or not as the platform does: ${show(outcome)}`,
      )
    }
    const answer = answerOf(event)
    check(
      'answers',
      !(answer?.ok === false && answer.code === INTERNAL && !event.duringOutage),
      () =>
        `${event.id} ${event.operation} answered INTERNAL with the database up: ${answer?.ok ? '' : answer?.message}`,
    )
  }
}

/** Every balance is its ledger sum and its lots' sum, and nothing is negative. */
function checkLedger({ check, snapshot }: Context): void {
  const entries = new Map<unknown, Document[]>()
  for (const entry of snapshot.ledger) entries.set(entry.memberId, [...(entries.get(entry.memberId) ?? []), entry])
  for (const member of snapshot.members) {
    const points = member.points as { balance: number; lots: never[] }
    const sum = sumOfEntries((entries.get(member._id) ?? []) as unknown as { amount: number }[])
    check('ledger', points.balance === sum, () => `${member._id}: balance ${points.balance}, ledger sum ${sum}`)
    const problems = walletProblems(points as never)
    check('ledger', problems.length === 0, () => `${member._id}: ${show(problems)}`)
  }
}

/**
 * Stock and sold always add up to the initial stock (every move is one atomic update); no live order
 * lacks its unit; units are lost (held, or not given back) only by uncertain calls; per-member limits
 * hold exactly (their counters move in the same unit of work as the orders and coupons); and nothing
 * was answered sold out while units were left.
 */
function checkStock({ check, events, oks, orders, coupons, world, snapshot }: Context): void {
  const item = snapshot.items.find((candidate) => candidate._id === world.itemId) as
    | { stock: number; sold: number; held?: number }
    | undefined
  const template = snapshot.templates.find((candidate) => candidate._id === world.templateId) as
    | { issued: number; held?: number }
    | undefined
  if (!item || !template) {
    check('stock', false, () => 'the item or the template is missing')
    return
  }
  const live = orders.filter((order) => order.status !== 'cancelled')
  const unsettledCount = (operation: string) => events(operation).filter(unsettled).length
  const [redeems, cancels, claims] = [unsettledCount('redeem'), unsettledCount('cancelOrder'), unsettledCount('claim')]
  const held = item.held ?? 0
  const figures = () => `stock ${item.stock}, sold ${item.sold}, held ${held}, live orders ${live.length}`
  check('stock', item.stock + item.sold === world.stock, () => `stock + sold is not ${world.stock}: ${figures()}`)
  check('stock', item.stock >= 0 && held >= 0 && held <= redeems, () => `${figures()}, unsettled redeems ${redeems}`)
  check(
    'stock',
    live.length <= item.sold && item.sold - live.length <= redeems + cancels,
    () => `${figures()}: units lost beyond ${redeems} unsettled redeems and ${cancels} cancels`,
  )
  const templateHeld = template.held ?? 0
  check(
    'stock',
    template.issued - templateHeld <= coupons.length &&
      coupons.length <= template.issued &&
      templateHeld <= claims &&
      template.issued <= world.couponTotal,
    () => `issued ${template.issued}, held ${templateHeld}, coupons ${coupons.length}, unsettled claims ${claims}`,
  )

  checkPerMember(check, {
    held: live,
    counters: snapshot.redemptions.filter((counter) => counter.itemId === world.itemId),
    limit: world.itemLimit,
    what: 'orders',
  })
  checkPerMember(check, {
    held: coupons,
    counters: snapshot.couponClaims.filter((counter) => counter.templateId === world.templateId),
    limit: world.couponLimit,
    what: 'coupons',
  })

  const outOfStock = events('redeem').filter(
    (event) => answerOf(event)?.ok === false && codeOf(event) === 'OUT_OF_STOCK',
  )
  const returned = oks('cancelOrder').length + events('cancelOrder').filter(uncertain).length
  check(
    'soldOut',
    !(item.stock > 0 && returned === 0 && outOfStock.length > 0),
    () => `OUT_OF_STOCK answered (${outOfStock.map((event) => event.id)}) with ${item.stock} left`,
  )
  const soldOut = events('claim').filter((event) => codeOf(event) === 'SOLD_OUT')
  check(
    'soldOut',
    !(template.issued < world.couponTotal && soldOut.length > 0),
    () => `SOLD_OUT answered (${soldOut.map((event) => event.id)}) with ${world.couponTotal - template.issued} left`,
  )
}

/** Each member's counter counts exactly what they hold (the same unit of work moves both), within the limit. */
function checkPerMember(
  check: Context['check'],
  options: {
    readonly held: readonly Document[]
    readonly counters: readonly Document[]
    readonly limit: number
    readonly what: string
  },
): void {
  const heldBy = countBy(options.held.map((document) => document.memberId))
  const counted = new Map(options.counters.map((counter) => [counter.memberId, counter.count]))
  for (const memberId of new Set([...heldBy.keys(), ...counted.keys()])) {
    const count = heldBy.get(memberId) ?? 0
    check(
      'limits',
      (counted.get(memberId) ?? 0) === count,
      () => `${memberId}: counted ${counted.get(memberId)}, ${count} ${options.what}`,
    )
    check('limits', count <= options.limit, () => `${memberId} holds ${count} ${options.what}`)
  }
}

function codeOf(event: HistoryEvent): string | null {
  const answer = answerOf(event)
  return answer && !answer.ok ? answer.code : null
}

/**
 * One check-in per member per day, makeups included: the days a member's record shows are exactly
 * the days rewarded in the ledger, once each; a makeup's cost and reward go together; the month's
 * makeups stay within the allowance; every rewarded day comes from an ok or uncertain call.
 */
function checkCheckIns({ check, events, oks, snapshot, world }: Context): void {
  const month = world.today.slice(0, 7)
  const dayOf = (entryId: string, prefix: string) => entryId.slice(prefix.length).split('_').pop() as string
  for (const member of snapshot.members) {
    const state = member.checkIn as { recentDays: string[]; makeupsByMonth: Record<string, number> }
    const ids = snapshot.ledger.filter((entry) => entry.memberId === member._id).map((entry) => entry._id)
    const checkIns = ids.filter((id) => id.startsWith(`checkin_${member._id}_`)).map((id) => dayOf(id, 'checkin_'))
    const makeups = ids.filter((id) => id.startsWith(`makeup_${member._id}_`)).map((id) => dayOf(id, 'makeup_'))
    const costs = ids.filter((id) => id.startsWith(`makeupcost_${member._id}_`)).map((id) => dayOf(id, 'makeupcost_'))
    const rewarded = [...checkIns, ...makeups].sort()
    check('checkIns', new Set(rewarded).size === rewarded.length, () => `${member._id} rewarded twice: ${rewarded}`)
    check(
      'checkIns',
      show([...state.recentDays].sort()) === show(rewarded),
      () => `${member._id}: recentDays ${state.recentDays}, rewarded ${rewarded}`,
    )
    check(
      'checkIns',
      show(costs.sort()) === show(makeups.sort()),
      () => `${member._id}: makeups ${makeups}, costs ${costs}`,
    )
    check(
      'checkIns',
      makeups.length <= world.makeupMonthlyLimit && (state.makeupsByMonth[month] ?? 0) === makeups.length,
      () => `${member._id}: ${makeups.length} makeups, counted ${state.makeupsByMonth[month]}`,
    )
  }
  const checkedIn = countBy(oks('checkIn').map(memberOf))
  for (const [memberId, count] of checkedIn) {
    check('checkIns', count === 1, () => `${memberId} checked in ${count} times`)
  }
  const tracedCheckIns = new Set(events('checkIn').filter(uncertain).map(memberOf))
  for (const entry of snapshot.ledger.filter((candidate) => candidate._id.startsWith('checkin_'))) {
    const memberId = entry.memberId as string
    check(
      'checkIns',
      entry._id !== checkInEntryKeyOf(memberId, world.today) || checkedIn.has(memberId) || tracedCheckIns.has(memberId),
      () => `${entry._id} without an ok check-in`,
    )
  }
  for (const memberId of checkedIn.keys()) {
    check(
      'checkIns',
      snapshot.ledger.some((entry) => entry._id === checkInEntryKeyOf(memberId, world.today)),
      () => `${memberId}'s ok check-in left no entry`,
    )
  }
  const makeupKey = (event: HistoryEvent) => makeupEntryKeyOf(memberOf(event), inputOf<{ day: string }>(event).day)
  const madeUp = countBy(oks('makeup').map(makeupKey))
  const tracedMakeups = new Set(events('makeup').filter(uncertain).map(makeupKey))
  for (const [key, count] of madeUp) {
    check('checkIns', count === 1, () => `${key} made up ${count} times`)
    check(
      'checkIns',
      snapshot.ledger.some((entry) => entry._id === key),
      () => `an ok makeup left no ${key}`,
    )
  }
  for (const entry of snapshot.ledger.filter((candidate) => candidate._id.startsWith('makeup_'))) {
    check('checkIns', madeUp.has(entry._id) || tracedMakeups.has(entry._id), () => `${entry._id} without an ok makeup`)
  }
  for (const event of events('makeup')) {
    const key = makeupKey(event)
    const cost = makeupCostKeyOf(memberOf(event), inputOf<{ day: string }>(event).day)
    const hasReward = snapshot.ledger.some((entry) => entry._id === key)
    check(
      'checkIns',
      hasReward === snapshot.ledger.some((entry) => entry._id === cost),
      () => `${key} and ${cost} not together`,
    )
  }
}

/** The profile reward is paid once, with the flag, and only to a member whose update was ok or uncertain. */
function checkProfiles({ check, events, oks, ledger, snapshot }: Context): void {
  const rewardedOk = countBy(
    oks('updateProfile')
      .filter((event) => (okDataOf<{ completionPoints: number }>(event)?.completionPoints ?? 0) > 0)
      .map(memberOf),
  )
  const traced = new Set(events('updateProfile').filter(uncertain).map(memberOf))
  const saved = new Set(oks('updateProfile').map(memberOf))
  for (const member of snapshot.members) {
    const paid = ledger.has(profileRewardKeyOf(member._id))
    check(
      'profile',
      paid === member.profileCompletionRewarded,
      () => `${member._id}: reward ${paid}, flag ${member.profileCompletionRewarded}`,
    )
    check(
      'profile',
      (rewardedOk.get(member._id) ?? 0) <= 1,
      () => `${member._id} paid ${rewardedOk.get(member._id)} times`,
    )
    check(
      'profile',
      !paid || rewardedOk.has(member._id) || traced.has(member._id),
      () => `${member._id} paid without an ok update`,
    )
    check('profile', !rewardedOk.has(member._id) || paid, () => `${member._id}'s ok reward left no entry`)
    const nickname = (member.profile as { nickname: string | null }).nickname
    check(
      'profile',
      !saved.has(member._id) || nickname === '阿满',
      () => `${member._id}'s ok update left nickname ${nickname}`,
    )
  }
}

/**
 * Purchases: every ok one recorded with its ledger entry; no recording beyond the ok and uncertain
 * calls; a reversal once, with its purchase marked, only from an ok or uncertain call.
 */
function checkPurchases({ check, events, oks, ledger, audit, snapshot }: Context): void {
  const purchases = snapshot.audit.filter((entry) => entry.action === 'purchase')
  const okIds = new Set(
    oks('recordPurchase').map((event) => okDataOf<{ purchaseEntryId: string }>(event)?.purchaseEntryId),
  )
  for (const id of okIds) check('purchases', audit.has(id as string), () => `ok purchase ${id} not recorded`)
  for (const purchase of purchases) {
    const points = purchase.points as number
    check(
      'purchases',
      points > 0 === ledger.has(purchase._id),
      () => `${purchase._id}: ${points} points, ledger entry ${ledger.has(purchase._id)}`,
    )
  }
  const unexplained = purchases.filter((purchase) => !okIds.has(purchase._id)).length
  const uncertainPurchases = events('recordPurchase').filter(uncertain).length
  check(
    'purchases',
    unexplained <= uncertainPurchases,
    () => `${unexplained} purchases without an ok call, ${uncertainPurchases} uncertain`,
  )

  const reversed = countBy(
    oks('reversePurchase').map((event) => inputOf<{ purchaseEntryId: string }>(event).purchaseEntryId),
  )
  const tracedReversals = new Set(
    events('reversePurchase')
      .filter(uncertain)
      .map((event) => inputOf<{ purchaseEntryId: string }>(event).purchaseEntryId),
  )
  for (const [id, count] of reversed) check('reversals', count === 1, () => `${id} reversed ${count} times`)
  for (const purchase of purchases) {
    const reversal = audit.get(reversalKeyOf(purchase._id))
    const marked = purchase.reversedAtMs !== null && purchase.reversedAtMs !== undefined
    check(
      'reversals',
      marked === (reversal !== undefined),
      () => `${purchase._id}: marked ${marked}, reversal entry ${reversal !== undefined}`,
    )
    check('reversals', !reversed.has(purchase._id) || marked, () => `${purchase._id}'s ok reversal left it unreversed`)
    check(
      'reversals',
      !marked || reversed.has(purchase._id) || tracedReversals.has(purchase._id),
      () => `${purchase._id} reversed without an ok call`,
    )
    // The reversal's entry goes with it, for a purchase that gave points (even when all were spent since).
    const entry = ledger.has(reversalKeyOf(purchase._id))
    const due = reversal !== undefined && (purchase.points as number) > 0
    check('reversals', entry === due, () => `${purchase._id}: reversal entry ${entry}, due ${due}`)
  }
}

/**
 * Orders: every ok redemption's order exists with its spend entry and every order comes from an ok
 * or uncertain redemption; a cancellation refunds once, only from an ok or uncertain call; an order
 * is collected once, only from an ok or uncertain verification, and a collected order is never
 * cancelled.
 */
function checkOrders({ check, events, oks, ledger, audit, orders }: Context): void {
  const orderIds = new Map(orders.map((order) => [order._id, order]))
  const redemptionOf = (event: HistoryEvent) =>
    redemptionIdOf(memberOf(event), inputOf<{ requestId: string }>(event).requestId)
  const redeemedOk = new Set(oks('redeem').map(redemptionOf))
  const tracedRedeems = new Set(events('redeem').filter(uncertain).map(redemptionOf))
  for (const event of oks('redeem')) {
    const id = okDataOf<{ redemption: { order?: { id: string } } }>(event)?.redemption.order?.id
    check('orders', id !== undefined && orderIds.has(id), () => `${event.id}'s ok redemption left no order ${id}`)
  }
  for (const order of orders) {
    check(
      'orders',
      redeemedOk.has(order._id) || tracedRedeems.has(order._id),
      () => `order ${order._id} without an ok redemption`,
    )
    check('orders', ledger.has(redemptionEntryKeyOf(order._id)), () => `order ${order._id} without its spend entry`)
    const cancelled = order.status === 'cancelled'
    check(
      'orders',
      cancelled === ledger.has(cancelEntryKeyOf(order._id)),
      () => `order ${order._id} ${order.status}, refund entry ${ledger.has(cancelEntryKeyOf(order._id))}`,
    )
  }
  const orderOf = (event: HistoryEvent) => inputOf<{ orderId: string }>(event).orderId
  const cancelledOk = countBy(
    oks('cancelOrder')
      .filter((event) => !okDataOf<{ alreadyCancelled: boolean }>(event)?.alreadyCancelled)
      .map(orderOf),
  )
  const tracedCancels = new Set(events('cancelOrder').filter(uncertain).map(orderOf))
  for (const [id, count] of cancelledOk) {
    check('cancellations', count === 1, () => `order ${id} cancelled ${count} times`)
    check(
      'cancellations',
      orderIds.get(id)?.status === 'cancelled',
      () => `order ${id}'s ok cancel left it ${orderIds.get(id)?.status}`,
    )
  }
  const pickedOk = countBy(oks('verifyPickup').map(orderOf))
  const tracedPickups = new Set(events('verifyPickup').filter(uncertain).map(orderOf))
  for (const [id, count] of pickedOk) {
    check('pickups', count === 1, () => `order ${id} picked up ${count} times`)
    check(
      'pickups',
      orderIds.get(id)?.status === 'pickedUp',
      () => `order ${id}'s ok pickup left it ${orderIds.get(id)?.status}`,
    )
    check('pickups', audit.has(`pickup_${id}`), () => `order ${id}'s ok pickup left no audit entry`)
  }
  for (const order of orders) {
    if (order.status === 'cancelled') {
      check(
        'cancellations',
        cancelledOk.has(order._id) || tracedCancels.has(order._id),
        () => `order ${order._id} cancelled without an ok call`,
      )
    }
    if (order.status === 'pickedUp') {
      check(
        'pickups',
        pickedOk.has(order._id) || tracedPickups.has(order._id),
        () => `order ${order._id} picked up without an ok call`,
      )
    }
    check(
      'pickups',
      !audit.has(`pickup_${order._id}`) || order.status === 'pickedUp',
      () => `order ${order._id} ${order.status} has a pickup audit entry`,
    )
  }
}

/** Coupons: claimed only by ok or uncertain claims, every ok one present; used once, by an ok or uncertain verification. */
function checkCoupons({ check, events, oks, audit, coupons }: Context): void {
  const couponIds = new Map(coupons.map((coupon) => [coupon._id, coupon]))
  const claimOf = (event: HistoryEvent) => claimIdOf(memberOf(event), inputOf<{ requestId: string }>(event).requestId)
  const claimedOk = new Set(oks('claim').map(claimOf))
  const tracedClaims = new Set(events('claim').filter(uncertain).map(claimOf))
  for (const event of oks('claim')) {
    const id = okDataOf<{ coupon: { id: string } }>(event)?.coupon.id
    check('coupons', id !== undefined && couponIds.has(id), () => `${event.id}'s ok claim left no coupon ${id}`)
  }
  const couponOf = (event: HistoryEvent) => inputOf<{ couponId: string }>(event).couponId
  const verifiedOk = countBy(oks('verifyCoupon').map(couponOf))
  const tracedVerifications = new Set(events('verifyCoupon').filter(uncertain).map(couponOf))
  for (const [id, count] of verifiedOk) {
    check('coupons', count === 1, () => `coupon ${id} verified ${count} times`)
    check('coupons', couponIds.get(id)?.usedAtMs != null, () => `coupon ${id}'s ok verification left it unused`)
    check('coupons', audit.has(`coupon_${id}`), () => `coupon ${id}'s ok verification left no audit entry`)
  }
  for (const coupon of coupons) {
    check(
      'coupons',
      claimedOk.has(coupon._id) || tracedClaims.has(coupon._id),
      () => `coupon ${coupon._id} without an ok claim`,
    )
    const used = coupon.usedAtMs !== null && coupon.usedAtMs !== undefined
    check(
      'coupons',
      !used || verifiedOk.has(coupon._id) || tracedVerifications.has(coupon._id),
      () => `coupon ${coupon._id} used without an ok verification`,
    )
    check(
      'coupons',
      !audit.has(`coupon_${coupon._id}`) || used,
      () => `coupon ${coupon._id} unused has a verification audit entry`,
    )
  }
}

/** One member per person however many joins raced, each with its gift, from an ok or uncertain join. */
function checkJoins({ check, events, oks, ledger, snapshot, world }: Context): void {
  const openidOf = (event: HistoryEvent) => inputOf<{ as: string }>(event).as
  const joinedOk = new Set(oks('join').map(openidOf))
  const traced = new Set(events('join').filter(uncertain).map(openidOf))
  const newcomers = snapshot.members.filter((member) => member.joinedStoreId === world.joinStoreId)
  const present = new Set(newcomers.map((member) => member.openid))
  for (const openid of joinedOk) check('joins', present.has(openid), () => `${openid}'s ok join left no member`)
  for (const member of newcomers) {
    const openid = member.openid as string
    check('joins', joinedOk.has(openid) || traced.has(openid), () => `${openid} joined without an ok join`)
    check('joins', ledger.has(joinGiftKeyOf(member._id)), () => `${openid} joined without the gift entry`)
  }
  for (const entry of ledger.values()) {
    if (!entry._id.startsWith('join_')) continue
    check(
      'joins',
      snapshot.members.some((member) => member._id === entry.memberId),
      () => `${entry._id} without its member`,
    )
  }
}

/** What the killed calls of a history left, for the checker's figures. */
export interface KilledCallEffects {
  /** Their effect is present and no ok call explains it: they committed before the kill. */
  readonly committed: number
  /** Their effect is absent: they died before committing (or did nothing to commit). */
  readonly nothing: number
  /** Their effect is present, but an ok call on the same target may have made it (or the target is unknown). */
  readonly ambiguous: number
  /** Units of the item and coupons of the template left held. */
  readonly held: number
}

/** Classifies every killed call of `history` by what the database shows of its effect. */
export function killedCallEffects(
  history: readonly HistoryEvent[],
  snapshot: Snapshot,
  world: CheckedWorld,
): KilledCallEffects {
  const has = (documents: readonly Document[], id: string, holds: (document: Document) => boolean = () => true) =>
    documents.some((document) => document._id === id && holds(document))
  const input = (event: HistoryEvent) => event.input as Record<string, string>
  /** The target an operation acts on, and whether the database shows its effect there. */
  const effectOf = (event: HistoryEvent): { target: string; present: boolean } | null => {
    const { ledger, orders, coupons, members, audit } = snapshot
    const memberId = () => memberOf(event)
    switch (event.operation) {
      case 'redeem': {
        const id = redemptionIdOf(memberId(), input(event).requestId as string)
        return { target: id, present: has(orders, id) }
      }
      case 'claim': {
        const id = claimIdOf(memberId(), input(event).requestId as string)
        return { target: id, present: has(coupons, id) }
      }
      case 'checkIn':
        return {
          target: checkInEntryKeyOf(memberId(), world.today),
          present: has(ledger, checkInEntryKeyOf(memberId(), world.today)),
        }
      case 'makeup': {
        const key = makeupEntryKeyOf(memberId(), input(event).day as string)
        return { target: key, present: has(ledger, key) }
      }
      case 'join':
        return { target: memberId(), present: has(members, memberId()) }
      case 'cancelOrder':
        return {
          target: input(event).orderId as string,
          present: has(orders, input(event).orderId as string, (o) => o.status === 'cancelled'),
        }
      case 'verifyPickup':
        return {
          target: input(event).orderId as string,
          present: has(orders, input(event).orderId as string, (o) => o.status === 'pickedUp'),
        }
      case 'verifyCoupon':
        return {
          target: input(event).couponId as string,
          present: has(coupons, input(event).couponId as string, (c) => c.usedAtMs != null),
        }
      case 'reversePurchase': {
        const id = input(event).purchaseEntryId as string
        return { target: id, present: has(audit, id, (purchase) => purchase.reversedAtMs != null) }
      }
      default:
        return null
    }
  }
  const okTargets = new Set(
    history.filter((event) => okDataOf(event) !== null).map((event) => `${event.operation} ${effectOf(event)?.target}`),
  )
  let [committed, nothing, ambiguous] = [0, 0, 0]
  for (const event of history.filter((candidate) => candidate.outcome.kind === 'timedOut')) {
    const effect = effectOf(event)
    if (effect && !effect.present) nothing += 1
    else if (effect && !okTargets.has(`${event.operation} ${effect.target}`)) committed += 1
    else ambiguous += 1
  }
  const item = snapshot.items.find((candidate) => candidate._id === world.itemId)
  const template = snapshot.templates.find((candidate) => candidate._id === world.templateId)
  const held = ((item?.held as number | undefined) ?? 0) + ((template?.held as number | undefined) ?? 0)
  return { committed, nothing, ambiguous, held }
}

import type { ActionErrorCode } from '@shared/contracts'
import { API, type RedeemResult } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import {
  decideRedemption,
  type RedemptionDecision,
  type RedemptionRequest,
  redeemEligibility,
  redemptionCounterIdOf,
  redemptionEntryKeyOf,
} from '@shared/mall'
import { heldTierIdOf } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { type Database, database } from '../../common/cloud'
import { loadCouponTemplate } from '../../common/couponTemplates'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { redemptionIdOf } from '../../common/requestKeys'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { consumed, type Settled, unused, withReservedUnit } from '../../common/reservation'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { loadItemStock } from './documents'
import { newPickupCode } from './pickupCodes'
import { type DocumentReader, earlierRedemption, readerOf, redemptionViewOf } from './redemptionRecords'
import { stockCounterOf } from './stock'

type RedeemAnswer = Result<RedeemResult, ActionErrorCode<'mall', 'redeem'>>

/** A redemption under way: the request as the decision takes it (less the pickup code, drawn per run). */
interface Redeeming extends Omit<RedemptionRequest, 'pickupCode'> {
  readonly memberId: string
  readonly nowMs: number
}

/** The request's earlier redemption as this call's answer (REQUEST_ID_REUSED for another item); null when none. */
async function replayed(
  read: DocumentReader,
  redeeming: Redeeming,
  balance: () => Promise<number>,
): Promise<RedeemAnswer | null> {
  const earlier = await earlierRedemption(read, {
    redemptionId: redeeming.redemptionId,
    itemId: redeeming.item.id,
    nowMs: redeeming.nowMs,
  })
  if (!earlier?.ok) return earlier
  return ok({ replayed: true, itemId: redeeming.item.id, ...earlier.data, balance: await balance() })
}

/** Queues what a redemption writes: the spend entry, the member, the order or coupon, and the counter. */
function write(unit: UnitOfWork, decision: RedemptionDecision): void {
  const storeId = decision.member.joinedStoreId
  unit.createLedgerEntry(decision.entry, storeId)
  unit.replace('members', decision.member)
  unit.tally({ storeId, atMs: decision.entry.createdAtMs }, { redemptions: 1 })
  if (decision.created.kind === 'pickup') unit.create('orders', decision.created.order)
  else unit.createCoupon(decision.created.coupon)
  if (decision.counter) unit.replace('redemptions', decision.counter)
}

/**
 * The member-side unit of work, over the member's own documents only: the spend entry (the
 * idempotency marker), the member, and the per-member counter (for an item with a limit) are read
 * at once; the decision spends from the oldest lots; the entry, member, order or coupon, and
 * counter are written at once. A concurrent twin that committed first makes the entry's add find
 * its id taken, and the unit runs again and answers the twin's redemption; a pickup code another
 * order holds (the unique index refuses it) makes it run again with a new code. Requests: start, 3 reads, 4 writes, commit:
 * 9; an item without a limit has no counter: 7.
 */
function redeemInUnit(db: Database, redeeming: Redeeming): Promise<Settled<RedeemAnswer>> {
  const { memberId, item, nowMs } = redeeming
  return runUnitOfWork(db, async (unit) => {
    const [entry, member, counter] = await Promise.all([
      unit.read('ledger', redemptionEntryKeyOf(redeeming.redemptionId)),
      unit.read('members', memberId),
      item.perMemberLimit === null ? null : unit.read('redemptions', redemptionCounterIdOf(memberId, item.id)),
    ])
    if (!member) return unused(err('NOT_A_MEMBER'))
    if (entry) {
      const replay = await replayed(unit.read, redeeming, async () => usableBalance(member.points, nowMs))
      return unused(replay ?? err('INTERNAL'))
    }
    const decided = decideRedemption({ member, counter }, { ...redeeming, pickupCode: newPickupCode() }, nowMs)
    if (!decided.ok) return unused(decided)
    write(unit, decided.data)
    return consumed(
      ok({
        replayed: false,
        itemId: item.id,
        pointsSpent: item.pointsPrice,
        balance: usableBalance(decided.data.member.points, nowMs),
        redemption: redemptionViewOf(decided.data.created, nowMs),
      }),
    )
  })
}

/**
 * `mall.redeem`: points for an item, idempotent on the client's request id. Stock is the hot spot
 * (hundreds of members on one item), so the item never enters a transaction:
 * 1. cheap checks from plain reads (sale window, tier, the member's limit, price against usable
 *    points) fail fast, so a request over the limit never touches the stock others are waiting for;
 * 2. one conditional update reserves a unit (`stock >= 1` → `stock - 1`) and holds it: never
 *    oversold; with none free but some held, the request waits for them to settle (`HotCounter`),
 *    so a unit that a refused request gives back is never answered as sold out;
 * 3. one unit of work over the member's own documents spends the points, counts the per-member
 *    limit (again: for requests racing this one), writes the spend entry and creates the order or
 *    coupon; it is keyed by the request id, so a replay answers the first redemption and charges
 *    nothing;
 * 4. the unit is kept, or, when the unit of work refuses (limit, points, replay) or fails, given back.
 * A crash between 2 and 4 leaves one unit held with no order: undersold by one, never oversold or
 * double-charged. A reconciliation job (stock + sold against the item's orders and coupons, held
 * back to 0, `reconcileStock`) gives such units back once the item has been quiet for a while.
 *
 * Any refusal first checks whether the request already redeemed, so a retry after the points ran
 * out or the stock sold out still answers the first redemption.
 *
 * Requests for a pickup gift with the programme cached: member, item and counter (3, at once: the
 * item is not known yet, so the counter is read even for an item without a limit), reserve (1), unit
 * of work (9: start, 3 reads, 4 writes, commit), keep (1): 14; an item without a per-member limit has
 * no counter in the unit of work: 12. A coupon item reads its template too: 15, or 13 without a limit.
 */
export const redeem = defineAction(API.mall.redeem, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  // The member's counter is read here too (absent for an item without a limit), so a redemption
  // over the limit is refused before it takes a unit of stock that others are waiting for.
  const [programme, member, stocked, counter] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    loadItemStock(db, input.itemId),
    readDocument(db.collection('redemptions').doc(redemptionCounterIdOf(memberId.data, input.itemId))),
  ])
  if (!member.ok) return member
  if (!stocked) return err('ITEM_NOT_FOUND')
  const { item, held } = stocked
  const balance = usableBalance(member.data.points, caller.nowMs)
  const redemptionId = redemptionIdOf(memberId.data, input.requestId)
  const redeeming: Redeeming = {
    memberId: memberId.data,
    requestId: input.requestId,
    redemptionId,
    item,
    template: null,
    programme,
    nowMs: caller.nowMs,
  }
  const refuse = async (refusal: RedeemAnswer) =>
    (await replayed(readerOf(db), redeeming, async () => balance)) ?? refusal
  const precheck = redeemEligibility({
    item,
    tierId: heldTierIdOf(member.data, programme.tiers, caller.nowMs),
    // The unit of work counts again, for redemptions racing this one.
    redeemedByMember: counter?.count ?? 0,
    // Units held by redemptions still settling may come back: not sold out yet.
    stock: item.stock + held,
    usableBalance: balance,
    nowMs: caller.nowMs,
  })
  if (!precheck.ok) return refuse(precheck)
  const coupon = item.couponTemplateId === null ? null : await loadCouponTemplate(db, item.couponTemplateId)
  if (item.couponTemplateId !== null && !coupon) {
    console.error(`mall_items/${item.id} names coupon template ${item.couponTemplateId}, which is missing or invalid`)
    return refuse(err('NOT_ON_SALE', '优惠券暂不可兑换'))
  }
  return withReservedUnit(stockCounterOf(db, item.id, caller.nowMs), {
    settle: () => redeemInUnit(db, { ...redeeming, template: coupon?.template ?? null }),
    soldOut: () => refuse(err('OUT_OF_STOCK')),
  })
})

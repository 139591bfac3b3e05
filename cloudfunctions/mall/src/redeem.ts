import type { ActionErrorCode } from '@shared/contracts'
import { API, type RedeemResult } from '@shared/contracts'
import { type CouponTemplate, newCoupon } from '@shared/coupon'
import { draftEntry, spendPoints, usableBalance } from '@shared/ledger'
import { type MallItem, redeemEligibility } from '@shared/mall'
import type { LedgerEntry, Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { type Database, database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import { loadCouponTemplate } from '../../common/couponTemplates'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import type { OrderDocument, RedemptionCounterDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { redemptionIdOf } from '../../common/requestKeys'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { loadItem, orderViewOf, redemptionCounterIdOf } from './documents'
import { newPickupCode } from './pickupCodes'
import { earlierRedemption, redemptionEntryKeyOf } from './redemptionRecords'
import { releaseUnit, reserveUnit } from './stock'

/** Pickup codes drawn before giving up: a collision on the unique index is rare, two in a row rarer still. */
export const PICKUP_CODE_ATTEMPTS_MAX = 5

interface Redeeming {
  readonly memberId: string
  readonly requestId: string
  readonly redemptionId: string
  readonly item: MallItem
  readonly template: CouponTemplate | null
  readonly programme: Programme
  readonly nowMs: number
}

/** The transaction's answer, and whether the reserved unit went into a redemption (else it goes back). */
interface Settled {
  readonly result: Result<RedeemResult, ActionErrorCode<'mall', 'redeem'>>
  readonly consumedUnit: boolean
}

async function replayed(
  source: Parameters<typeof earlierRedemption>[0],
  redeeming: Redeeming,
  balance: () => Promise<number>,
): Promise<Result<RedeemResult, ActionErrorCode<'mall', 'redeem'>> | null> {
  const earlier = await earlierRedemption(source, {
    redemptionId: redeeming.redemptionId,
    itemId: redeeming.item.id,
    nowMs: redeeming.nowMs,
  })
  if (!earlier?.ok) return earlier
  return ok({ replayed: true, itemId: redeeming.item.id, ...earlier.data, balance: await balance() })
}

/**
 * The member-side transaction, over the member's own documents only: the spend entry (the
 * idempotency marker), the member (points, spent from the oldest lots), the per-member counter, and
 * the order or coupon. Reads run together, then writes together: 9 requests with start and commit.
 */
async function redeemReserved(transaction: Transaction, redeeming: Redeeming, pickupCode: string): Promise<Settled> {
  const { memberId, item, nowMs } = redeeming
  const entryKey = redemptionEntryKeyOf(redeeming.redemptionId)
  const memberReference = transaction.collection('members').doc(memberId)
  const counterReference = transaction.collection('redemptions').doc(redemptionCounterIdOf(memberId, item.id))
  const [entry, member, counter] = await Promise.all([
    readDocument<LedgerEntry>(transaction.collection('ledger').doc(entryKey)),
    readDocument<Member>(memberReference),
    readDocument<RedemptionCounterDocument>(counterReference),
  ])
  if (!member) return { result: err('NOT_A_MEMBER'), consumedUnit: false }
  if (entry) {
    const replay = await replayed(transaction, redeeming, async () => usableBalance(member.points, nowMs))
    return { result: replay ?? err('INTERNAL'), consumedUnit: false }
  }
  const redeemedByMember = counter?.count ?? 0
  const eligibility = redeemEligibility({
    item,
    tierId: member.tierId,
    redeemedByMember,
    // The unit is already reserved.
    stock: 1,
    usableBalance: usableBalance(member.points, nowMs),
    nowMs,
  })
  if (!eligibility.ok) return { result: eligibility, consumedUnit: false }
  const spent = spendPoints(member.points, { amount: item.pointsPrice, nowMs })
  if (!spent.ok) return { result: spent, consumedUnit: false }
  const draft = draftEntry('spend', spent.data, {
    source: `redeem:${item.id}`,
    operatorId: null,
    idempotencyKey: entryKey,
    createdAtMs: nowMs,
    reason: null,
  })
  const ledgerEntry: LedgerEntry = { _id: entryKey, memberId, ...draft, lotChanges: [...draft.lotChanges] }
  const created = createdBy(redeeming, { pickupCode, lotChanges: ledgerEntry.lotChanges })
  const { _id, ...memberFields } = { ...member, points: spent.data.wallet }
  const counterFields: RedemptionCounterDocument = {
    memberId,
    itemId: item.id,
    count: redeemedByMember + 1,
    updatedAtMs: nowMs,
  }
  await Promise.all([
    transaction.collection('ledger').add({ data: { ...ledgerEntry } }),
    transaction.collection(created.collection).add({ data: { ...created.document } }),
    counterReference.set({ data: { ...counterFields } }),
    memberReference.set({ data: memberFields }),
  ])
  return {
    result: ok({
      replayed: false,
      itemId: item.id,
      pointsSpent: item.pointsPrice,
      balance: usableBalance(spent.data.wallet, nowMs),
      redemption: created.redemption,
    }),
    consumedUnit: true,
  }
}

/** The order (pickup gift) or coupon (coupon item) a redemption creates, and how the member sees it. */
function createdBy(
  redeeming: Redeeming,
  spend: { readonly pickupCode: string; readonly lotChanges: LedgerEntry['lotChanges'] },
): { collection: 'coupons' | 'orders'; document: Record<string, unknown>; redemption: RedeemResult['redemption'] } {
  const { item, template, nowMs } = redeeming
  if (template) {
    const coupon = newCoupon({
      id: redeeming.redemptionId,
      memberId: redeeming.memberId,
      template,
      programme: redeeming.programme,
      source: 'redeem',
      sourceId: item.id,
      requestId: redeeming.requestId,
      issuedAtMs: nowMs,
    })
    return {
      collection: 'coupons',
      document: { ...coupon },
      redemption: { kind: 'coupon', coupon: walletCouponOf(coupon, nowMs) },
    }
  }
  const order: OrderDocument = {
    _id: redeeming.redemptionId,
    memberId: redeeming.memberId,
    itemId: item.id,
    title: item.title,
    image: item.image,
    pointsSpent: item.pointsPrice,
    lotChanges: spend.lotChanges,
    pickupCode: spend.pickupCode,
    status: 'awaitingPickup',
    requestId: redeeming.requestId,
    createdAtMs: nowMs,
    pickedUpAtMs: null,
    pickedUpBy: null,
    pickedUpStoreId: null,
    cancelledAtMs: null,
  }
  return { collection: 'orders', document: { ...order }, redemption: { kind: 'pickup', order: orderViewOf(order) } }
}

/** Runs the member-side transaction, drawing a new pickup code when the unique index refuses one. */
async function settle(db: Database, redeeming: Redeeming): Promise<Settled> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.runTransaction(
        (transaction) => redeemReserved(transaction, redeeming, newPickupCode()),
        TRANSACTION_ATTEMPTS_MAX,
      )
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= PICKUP_CODE_ATTEMPTS_MAX) throw error
    }
  }
}

/**
 * `mall.redeem`: points for an item, idempotent on the client's request id. Stock is the hot spot
 * (hundreds of members on one item), so the item never enters a transaction:
 * 1. cheap checks from plain reads (sale window, tier, price against usable points) fail fast;
 * 2. one conditional update reserves a unit (`stock >= 1` → `stock - 1`): never oversold;
 * 3. one transaction over the member's own documents spends the points, counts the per-member
 *    limit, writes the spend entry and creates the order or coupon; it is keyed by the request id,
 *    so a replay answers the first redemption and charges nothing;
 * 4. when the transaction refuses (limit, points, replay) or fails, the unit goes back.
 * A crash between 2 and 4 leaves one unit reserved with no order: undersold by one, never oversold
 * or double-charged. A reconciliation job (stock + sold against the item's orders and coupons) is
 * what would give such units back; it is not written yet.
 *
 * Any refusal first checks whether the request already redeemed, so a retry after the points ran
 * out or the stock sold out still answers the first redemption.
 *
 * Requests for a pickup gift with the programme cached: member and item (2, at once), reserve (1),
 * transaction (9: start, 3 reads, 4 writes, commit): 12; a coupon item reads its template too: 13.
 */
export const redeem = defineAction(API.mall.redeem, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, item] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    loadItem(db, input.itemId),
  ])
  if (!member.ok) return member
  if (!item) return err('ITEM_NOT_FOUND')
  const balance = usableBalance(member.data.points, caller.nowMs)
  const partial = {
    memberId: memberId.data,
    requestId: input.requestId,
    redemptionId: redemptionIdOf(memberId.data, input.requestId),
    item,
    programme,
    nowMs: caller.nowMs,
  }
  const refuse = async (refusal: Result<never, ActionErrorCode<'mall', 'redeem'>>) =>
    (await replayed(db, { ...partial, template: null }, async () => balance)) ?? refusal
  const precheck = redeemEligibility({
    item,
    tierId: member.data.tierId,
    redeemedByMember: 0,
    stock: item.stock,
    usableBalance: balance,
    nowMs: caller.nowMs,
  })
  if (!precheck.ok) return refuse(precheck)
  const coupon = item.couponTemplateId === null ? null : await loadCouponTemplate(db, item.couponTemplateId)
  if (item.couponTemplateId !== null && !coupon) {
    console.error(`mall_items/${item.id} names coupon template ${item.couponTemplateId}, which is missing or invalid`)
    return refuse(err('NOT_ON_SALE', '优惠券暂不可兑换'))
  }
  if (!(await reserveUnit(db, item.id))) return refuse(err('OUT_OF_STOCK'))
  let settled: Settled
  try {
    settled = await settle(db, { ...partial, template: coupon?.template ?? null })
  } catch (error) {
    await releaseUnit(db, item.id)
    throw error
  }
  if (!settled.consumedUnit) await releaseUnit(db, item.id)
  return settled.result
})

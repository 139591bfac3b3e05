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
import { err, ok, type Result } from '@shared/result'
import { type Database, database } from '../../common/cloud'
import { loadCouponTemplate } from '../../common/couponTemplates'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { redemptionIdOf } from '../../common/requestKeys'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { consumed, type Settled, settleReserved, unused } from '../../common/reservation'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { loadItem } from './documents'
import { newPickupCode } from './pickupCodes'
import { type DocumentReader, earlierRedemption, readerOf, redemptionViewOf } from './redemptionRecords'
import { releaseUnit, reserveUnit } from './stock'

/** Pickup codes drawn before giving up: a collision on the unique index is rare, two in a row rarer still. */
export const PICKUP_CODE_ATTEMPTS_MAX = 5

type RedeemAnswer = Result<RedeemResult, ActionErrorCode<'mall', 'redeem'>>

/** A redemption under way: the request as the decision takes it (less the pickup code, drawn per attempt). */
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

/** The member's usable points as stored now, for a replay answered outside the unit of work. */
async function storedBalance(db: Database, redeeming: Redeeming): Promise<number> {
  const member = await readDocument(db.collection('members').doc(redeeming.memberId))
  return member ? usableBalance(member.points, redeeming.nowMs) : 0
}

/** Queues what a redemption writes: the spend entry, the member, the order or coupon, and the counter. */
function write(unit: UnitOfWork, decision: RedemptionDecision): void {
  unit.create('ledger', decision.entry)
  unit.replace('members', decision.member)
  if (decision.created.kind === 'pickup') unit.create('orders', decision.created.order)
  else unit.create('coupons', decision.created.coupon)
  if (decision.counter) unit.replace('redemptions', decision.counter)
}

/**
 * The member-side unit of work, over the member's own documents only: the spend entry (the
 * idempotency marker), the member, and the per-member counter (for an item with a limit) are read
 * at once; the decision spends from the oldest lots; the entry, member, order or coupon, and
 * counter are written at once. A concurrent twin that committed first makes the entry's add fail
 * as a duplicate, which answers the twin's redemption. Requests: start, 3 reads, 4 writes, commit:
 * 9; an item without a limit has no counter: 7.
 */
function redeemInUnit(db: Database, redeeming: Redeeming, pickupCode: string): Promise<Settled<RedeemAnswer>> {
  const { memberId, item, nowMs } = redeeming
  return runUnitOfWork(
    db,
    async (unit) => {
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
      const decided = decideRedemption({ member, counter }, { ...redeeming, pickupCode }, nowMs)
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
    },
    {
      onDuplicate: async () => {
        const replay = await replayed(readerOf(db), redeeming, () => storedBalance(db, redeeming))
        return replay && unused(replay)
      },
    },
  )
}

/** Runs the member-side unit of work, drawing a new pickup code when the unique index refuses one. */
async function redeemWithFreshCode(db: Database, redeeming: Redeeming): Promise<Settled<RedeemAnswer>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await redeemInUnit(db, redeeming, newPickupCode())
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
 * 3. one unit of work over the member's own documents spends the points, counts the per-member
 *    limit, writes the spend entry and creates the order or coupon; it is keyed by the request id,
 *    so a replay answers the first redemption and charges nothing;
 * 4. when the unit refuses (limit, points, replay) or fails, the unit of stock goes back.
 * A crash between 2 and 4 leaves one unit reserved with no order: undersold by one, never oversold
 * or double-charged. A reconciliation job (stock + sold against the item's orders and coupons) is
 * what would give such units back; it is not written yet.
 *
 * Any refusal first checks whether the request already redeemed, so a retry after the points ran
 * out or the stock sold out still answers the first redemption.
 *
 * Requests for a pickup gift with the programme cached: member and item (2, at once), reserve (1),
 * unit of work (9: start, 3 reads, 4 writes, commit): 12; an item without a per-member limit has no
 * counter to read or write: 10. A coupon item reads its template too: 13, or 11 without a limit.
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
  return settleReserved({
    settle: () => redeemWithFreshCode(db, { ...redeeming, template: coupon?.template ?? null }),
    release: () => releaseUnit(db, item.id),
  })
})

import { type Coupon, type CouponTemplate, newCoupon } from '../coupon'
import { draftEntry, spendPoints, usableBalance } from '../ledger'
import { heldTierIdOf } from '../member/heldTier'
import type { LedgerEntry, Member } from '../member/member'
import type { Programme } from '../programme/schema'
import { ok, type Result } from '../result'
import { countedRedemptions, type RedemptionCounter } from './counter'
import type { MallItem } from './item'
import type { PickupOrder } from './order'
import { type RedeemRefusalCode, redeemEligibility } from './redeemEligibility'

/** The ledger key of a redemption's spend: its presence means the request already redeemed. */
export function redemptionEntryKeyOf(redemptionId: string): string {
  return `redeem_${redemptionId}`
}

/** What a redemption creates: a pickup order for a gift, a coupon for a coupon item. */
export type Redeemed =
  | { readonly kind: 'pickup'; readonly order: PickupOrder }
  | { readonly kind: 'coupon'; readonly coupon: Coupon }

/** What a redemption changes: the member (points spent), the spend entry, the order or coupon, and the counter. */
export interface RedemptionDecision {
  readonly member: Member
  readonly entry: LedgerEntry
  readonly created: Redeemed
  /** The per-member counter one higher; null for an item without a limit, which keeps no counter. */
  readonly counter: RedemptionCounter | null
}

/** What is being redeemed, and by whom; `redemptionId` is derived from the member and the client's request id. */
export interface RedemptionRequest {
  readonly requestId: string
  readonly redemptionId: string
  readonly item: MallItem
  /** The coupon template a coupon item issues; null for a pickup gift. */
  readonly template: CouponTemplate | null
  readonly programme: Programme
  /** A freshly drawn code for a pickup order (unused for a coupon item). */
  readonly pickupCode: string
}

/**
 * The member-side part of a redemption, once a unit of stock is reserved: eligibility (sale window,
 * tier, per-member limit, points, in `redeemEligibility`'s precedence), the points spent from the
 * oldest usable lots, the spend entry keyed by the redemption, the order or coupon, and the counter.
 */
export function decideRedemption(
  state: { readonly member: Member; readonly counter: RedemptionCounter | null },
  request: RedemptionRequest,
  nowMs: number,
): Result<RedemptionDecision, RedeemRefusalCode> {
  const { member } = state
  const { item } = request
  const eligibility = redeemEligibility({
    item,
    // A tier granted by hand counts, as it does on the card.
    tierId: heldTierIdOf(member, request.programme.tiers, nowMs),
    redeemedByMember: state.counter?.count ?? 0,
    // The unit is already reserved.
    stock: 1,
    usableBalance: usableBalance(member.points, nowMs),
    nowMs,
  })
  if (!eligibility.ok) return eligibility
  const spent = spendPoints(member.points, { amount: item.pointsPrice, nowMs })
  if (!spent.ok) return spent
  const entryKey = redemptionEntryKeyOf(request.redemptionId)
  const draft = draftEntry('spend', spent.data, {
    source: `redeem:${item.id}`,
    operatorId: null,
    idempotencyKey: entryKey,
    createdAtMs: nowMs,
    reason: null,
  })
  const entry: LedgerEntry = { _id: entryKey, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] }
  return ok({
    member: { ...member, points: spent.data.wallet },
    entry,
    created: createdBy(request, { memberId: member._id, lotChanges: entry.lotChanges, nowMs }),
    counter:
      item.perMemberLimit === null
        ? null
        : countedRedemptions(state.counter, { memberId: member._id, itemId: item.id, step: 1, nowMs }),
  })
}

/** The order (pickup gift) or coupon (coupon item) a redemption creates. */
function createdBy(
  request: RedemptionRequest,
  spend: { readonly memberId: string; readonly lotChanges: LedgerEntry['lotChanges']; readonly nowMs: number },
): Redeemed {
  const { item, template } = request
  const { memberId, nowMs } = spend
  if (template) {
    const coupon = newCoupon({
      id: request.redemptionId,
      memberId,
      template,
      programme: request.programme,
      source: 'redeem',
      sourceId: item.id,
      requestId: request.requestId,
      issuedAtMs: nowMs,
    })
    return { kind: 'coupon', coupon }
  }
  const order: PickupOrder = {
    _id: request.redemptionId,
    memberId,
    itemId: item.id,
    title: item.title,
    image: item.image,
    pointsSpent: item.pointsPrice,
    lotChanges: spend.lotChanges,
    pickupCode: request.pickupCode,
    status: 'awaitingPickup',
    requestId: request.requestId,
    createdAtMs: nowMs,
    pickedUpAtMs: null,
    pickedUpBy: null,
    pickedUpStoreId: null,
    cancelledAtMs: null,
    countsTowardLimit: item.perMemberLimit !== null,
  }
  return { kind: 'pickup', order }
}

import { EMPTY_WALLET } from '../ledger'
import { businessDayRuleOf } from '../programme/businessDayRule'
import type { Programme } from '../programme/schema'
import { tierForGrowth } from '../tier'
import { businessDayOf } from '../time/businessDay'
import { type GiftCoupon, giftCouponsOf } from './giftCoupons'
import { grantPoints } from './grantPoints'
import type { LedgerEntry, Member } from './member'
import { startQualification } from './qualification'

/** Who is joining, and where they came from. */
export interface JoinRequest {
  /** Derived from the OPENID, so the database's unique `_id` makes a second join fail. */
  readonly memberId: string
  readonly openid: string
  readonly storeId: string | null
  readonly referrerMemberId: string | null
}

/** What a join writes: the new member (with the join gift in the wallet) and the gift's entries. */
export interface JoinDecision {
  readonly member: Member
  readonly entries: readonly LedgerEntry[]
  readonly gift: { readonly points: number; readonly couponTemplateIds: readonly string[] }
  /** The gift's coupons, for the caller to issue once the member exists. */
  readonly giftCoupons: readonly GiftCoupon[]
}

/** The ledger key of a member's join gift: one per member, ever. */
export function joinGiftKeyOf(memberId: string): string {
  return `join_${memberId}`
}

/**
 * A new member: the lowest tier, an empty check-in record, the join day as the anchor of rolling
 * qualification periods and the growth of the current one counted from 0, and the programme's join gift paid into the wallet (no entry when the gift
 * is 0 points). A member cannot refer themselves. It cannot be refused: whether the member already
 * exists is the database's to say, by the unique member id.
 */
export function decideJoin(
  request: JoinRequest,
  options: { readonly programme: Programme; readonly nowMs: number },
): JoinDecision {
  const { programme, nowMs } = options
  const { memberId } = request
  const periodAnchorDay = businessDayOf(nowMs, businessDayRuleOf(programme))
  const base: Member = {
    _id: memberId,
    openid: request.openid,
    joinedAtMs: nowMs,
    joinedStoreId: request.storeId,
    referrerMemberId: request.referrerMemberId === memberId ? null : request.referrerMemberId,
    profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
    profileCompletionRewarded: false,
    tierId: tierForGrowth(programme.tiers, 0).id,
    growth: 0,
    periodAnchorDay,
    points: EMPTY_WALLET,
    checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
    firstPurchaseAtMs: null,
    // Nothing before the join to count: a member joining mid-period is counted completely.
    ...startQualification({ programme, anchorDay: periodAnchorDay, nowMs, carried: 0, partial: false }),
    grantedTier: null,
    tierNotice: null,
  }
  const gift = { points: programme.joinGift.points, couponTemplateIds: programme.joinGift.couponTemplateIds }
  const giftCoupons = giftCouponsOf(programme.joinGift, joinGiftKeyOf(memberId))
  if (gift.points === 0) return { member: base, entries: [], gift, giftCoupons }
  const grant = grantPoints({
    member: base,
    programme,
    amount: gift.points,
    nowMs,
    source: 'join',
    idempotencyKey: joinGiftKeyOf(memberId),
  })
  return { member: { ...base, points: grant.points }, entries: [grant.entry], gift, giftCoupons }
}

import { checkIn, withCheckedDay } from '../checkin'
import type { Programme } from '../programme/schema'
import { ok, type Result } from '../result'
import type { DayKey } from '../time/calendarDay'
import { applyGrowth } from './applyGrowth'
import type { GiftCoupon } from './giftCoupons'
import { grantPoints } from './grantPoints'
import type { LedgerEntry, Member } from './member'
import { withVisit } from './visit'

/** What a check-in changes: the member (check-in state, points, growth, tier) and the entries to write. */
export interface CheckInDecision {
  readonly member: Member
  readonly entries: readonly LedgerEntry[]
  readonly cycleDay: number
  readonly points: number
  readonly growth: number
  readonly upgradedTo: { readonly id: string; readonly name: string } | null
  /** The crossed tiers' coupon gifts, for the caller to issue (see `applyGrowth`). */
  readonly giftCoupons: readonly GiftCoupon[]
}

/** The ledger key of a member's check-in reward on a business day: one per member and day. */
export function checkInEntryKeyOf(memberId: string, day: DayKey): string {
  return `checkin_${memberId}_${day}`
}

/**
 * Today's check-in for a member: the day's reward as points (keyed per member and day) and growth,
 * an upgrade (and its gift) when the growth crosses a tier, and the day recorded in the member's
 * check-in state. Refuses a second check-in the same day.
 */
export function decideCheckIn(
  member: Member,
  options: { readonly programme: Programme; readonly day: DayKey; readonly nowMs: number },
): Result<CheckInDecision, 'CHECK_IN_DISABLED' | 'ALREADY_CHECKED_IN' | 'CHECK_IN_OUT_OF_ORDER'> {
  const { programme, day, nowMs } = options
  const outcome = checkIn({ state: member.checkIn, day, rules: programme.checkIn })
  if (!outcome.ok) return outcome
  const { reward } = outcome.data
  const grant =
    reward.points > 0
      ? grantPoints({
          member,
          programme,
          amount: reward.points,
          nowMs,
          source: `checkin:${day}`,
          idempotencyKey: checkInEntryKeyOf(member._id, day),
        })
      : null
  const earned: Member = grant ? { ...member, points: grant.points } : member
  const growth = applyGrowth({ member: earned, programme, growth: reward.growth, nowMs })
  return ok({
    member: {
      ...withVisit(growth.member, nowMs),
      checkIn: { ...member.checkIn, ...outcome.data.state, recentDays: withCheckedDay(member.checkIn, day, day) },
    },
    entries: [...(grant ? [grant.entry] : []), ...growth.giftEntries],
    cycleDay: outcome.data.cycleDay,
    points: reward.points,
    growth: reward.growth,
    upgradedTo: growth.upgradedTo,
    giftCoupons: growth.giftCoupons,
  })
}

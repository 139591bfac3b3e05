import {
  cycleDayOf,
  type MakeupRefusal,
  makeupEligibility,
  makeupReward,
  makeupsCounted,
  stateAfterMakeup,
  withCheckedDay,
} from '../checkin'
import { draftEntry, spendPoints, usableBalance } from '../ledger'
import { businessDayRuleOf } from '../programme/businessDayRule'
import type { Programme } from '../programme/schema'
import { ok, type Result } from '../result'
import { businessDayOf } from '../time/businessDay'
import { type DayKey, monthKeyOf } from '../time/calendarDay'
import { applyGrowth } from './applyGrowth'
import type { CheckInDecision } from './checkIn'
import { grantPoints } from './grantPoints'
import type { LedgerEntry, Member } from './member'

/** What a makeup changes: the same as a check-in (member, entries, streak position, reward, upgrade). */
export type MakeupDecision = CheckInDecision

/** The ledger key of the cost of making up a day: one per member and day. */
export function makeupCostKeyOf(memberId: string, day: DayKey): string {
  return `makeupcost_${memberId}_${day}`
}

/** The ledger key of the reward for making up a day: one per member and day. */
export function makeupEntryKeyOf(memberId: string, day: DayKey): string {
  return `makeup_${memberId}_${day}`
}

/** Spends a makeup's cost: the wallet after it and its entry (none for a free makeup). */
function spendMakeupCost(
  member: Member,
  options: { readonly amount: number; readonly day: DayKey; readonly nowMs: number },
): Result<{ readonly points: Member['points']; readonly entries: readonly LedgerEntry[] }, 'POINTS_INSUFFICIENT'> {
  const { amount, day, nowMs } = options
  if (amount === 0) return ok({ points: member.points, entries: [] })
  const spent = spendPoints(member.points, { amount, nowMs })
  if (!spent.ok) return spent
  const key = makeupCostKeyOf(member._id, day)
  const draft = draftEntry('spend', spent.data, {
    source: `makeup:${day}`,
    operatorId: null,
    idempotencyKey: key,
    createdAtMs: nowMs,
    reason: null,
  })
  const entry: LedgerEntry = { _id: key, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] }
  return ok({ points: spent.data.wallet, entries: [entry] })
}

/**
 * Fills a missed day: the cost is spent and the base reward earned (each its own entry keyed by
 * member and day), the growth applied (with an upgrade and its gift when it crosses a tier), the run
 * recounted (a makeup can bridge two runs) and the month's makeup counted. Refusals come in
 * `makeupEligibility`'s order.
 */
export function decideMakeup(
  member: Member,
  day: DayKey,
  options: { readonly programme: Programme; readonly today: DayKey; readonly nowMs: number },
): Result<MakeupDecision, MakeupRefusal> {
  const { programme, today, nowMs } = options
  const rules = programme.checkIn
  const month = monthKeyOf(today)
  const eligibility = makeupEligibility({
    day,
    today,
    checkedDays: new Set(member.checkIn.recentDays),
    makeupsUsedThisMonth: member.checkIn.makeupsByMonth[month] ?? 0,
    usableBalance: usableBalance(member.points, nowMs),
    rules,
    joinedDay: businessDayOf(member.joinedAtMs, businessDayRuleOf(programme)),
  })
  if (!eligibility.ok) return eligibility
  const cost = spendMakeupCost(member, { amount: eligibility.data.costPoints, day, nowMs })
  if (!cost.ok) return cost
  const reward = makeupReward(rules)
  const grant =
    reward.points > 0
      ? grantPoints({
          member: { ...member, points: cost.data.points },
          programme,
          amount: reward.points,
          nowMs,
          source: `makeup:${day}`,
          idempotencyKey: makeupEntryKeyOf(member._id, day),
        })
      : null
  const earned: Member = { ...member, points: grant ? grant.points : cost.data.points }
  const growth = applyGrowth({ member: earned, programme, growth: reward.growth, nowMs })
  const recentDays = withCheckedDay(member.checkIn, day, today)
  const state = stateAfterMakeup({
    state: member.checkIn,
    checkedDays: new Set(recentDays),
    madeUpDay: day,
    cycle: rules.cycle,
  })
  return ok({
    member: {
      ...growth.member,
      checkIn: { ...state, recentDays, makeupsByMonth: makeupsCounted(member.checkIn.makeupsByMonth, month) },
    },
    entries: [...cost.data.entries, ...(grant ? [grant.entry] : []), ...growth.giftEntries],
    cycleDay: cycleDayOf(state.runLength, rules.cycle),
    points: reward.points,
    growth: reward.growth,
    upgradedTo: growth.upgradedTo,
    giftCoupons: growth.giftCoupons,
  })
}

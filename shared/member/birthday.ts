import type { Gift, Programme } from '../programme/schema'
import { addDays, type DayKey, daysInMonth } from '../time/calendarDay'
import { grantPoints } from './grantPoints'
import { heldTierOf } from './heldTier'
import type { LedgerEntry, Member } from './member'

/** When the birthday gift is paid (`programme.automation.birthdayGiftOn`). */
export type BirthdayGiftOn = Programme['automation']['birthdayGiftOn']

/**
 * Days before today whose birthdays a run still pays: a job down for up to this many days (an
 * outage) pays those members late rather than never. Members already paid this year are not asked
 * for again (`birthdayGiftYear`), so the window costs nothing once they are.
 */
export const BIRTHDAY_CATCH_UP_DAYS = 6

/** The ledger key of a member's birthday points for a year: once per member and year. */
export function birthdayGiftKeyOf(memberId: string, year: number): string {
  return `birthday_${memberId}_${year}`
}

/** The key of a member's birthday coupon of a template for a year. */
export function birthdayCouponKeyOf(memberId: string, year: number, templateId: string): string {
  return `${birthdayGiftKeyOf(memberId, year)}_${templateId}`
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * The birthdays (`MM-DD`) whose gift falls on `day`: that date, or, from the month's first day,
 * the whole month. A 29 February birthday is paid on 28 February in years without one.
 */
function birthdaysPaidOn(day: DayKey, on: BirthdayGiftOn): string[] {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const monthDay = day.slice(5)
  if (on === 'birthdayMonthStart') {
    if (!day.endsWith('-01')) return []
    // February lists the 29th in every year, so the month's members are all asked for.
    const days = month === 2 ? 29 : daysInMonth(year, month)
    return Array.from({ length: days }, (_, index) => `${pad(month)}-${pad(index + 1)}`)
  }
  if (monthDay === '02-28' && daysInMonth(year, 2) === 28) return ['02-28', '02-29']
  return [monthDay]
}

/**
 * The birthdays whose gift is due by `today`: those paid on today or on one of the
 * BIRTHDAY_CATCH_UP_DAYS before it, within today's year only (a gift is once per calendar year, so
 * a run in early January does not reach back into December: an outage across New Year loses those
 * few late-December gifts rather than paying them against the wrong year).
 */
export function birthdaysDue(today: DayKey, on: BirthdayGiftOn): string[] {
  const due = new Set<string>()
  for (let back = BIRTHDAY_CATCH_UP_DAYS; back >= 0; back -= 1) {
    const day = addDays(today, -back)
    if (day.slice(0, 4) !== today.slice(0, 4)) continue
    for (const birthday of birthdaysPaidOn(day, on)) due.add(birthday)
  }
  return [...due].sort()
}

/** What a birthday gift writes: the member (marked paid for the year, points in the wallet) and the points entry. */
export interface BirthdayGiftDecision {
  readonly member: Member
  readonly entry: LedgerEntry | null
  readonly gift: Gift
}

/**
 * The birthday gift of the tier the member holds (a grant counts) for `year`: null when paid already this year or when the
 * tier gives nothing (or is unknown to the programme). Points go through `grantPoints`, keyed once per member and year; coupons are
 * the caller's, through the coupon grant, keyed the same way.
 */
export function decideBirthdayGift(
  member: Member,
  programme: Programme,
  options: { readonly year: number; readonly nowMs: number },
): BirthdayGiftDecision | null {
  // A tier the programme no longer has gives nothing (and never stops the job).
  const gift = heldTierOf(member, programme.tiers, options.nowMs)?.birthdayGift
  if (gift === undefined || member.birthdayGiftYear === options.year) return null
  if (gift.points === 0 && gift.couponTemplateIds.length === 0) return null
  const paid: Member = { ...member, birthdayGiftYear: options.year }
  if (gift.points === 0) return { member: paid, entry: null, gift }
  const grant = grantPoints({
    member,
    programme,
    amount: gift.points,
    nowMs: options.nowMs,
    source: `birthday:${options.year}`,
    idempotencyKey: birthdayGiftKeyOf(member._id, options.year),
  })
  return { member: { ...paid, points: grant.points }, entry: grant.entry, gift }
}

import { startOfLocalDayMs } from '../time/zonedTime'
import type { Member } from './member'

const DAY_MS = 86_400_000

/** A member after a visit (a check-in, a purchase at the counter): its instant, and a new dormancy spell ahead. */
export function withVisit(member: Member, nowMs: number): Member {
  return { ...member, lastVisitAtMs: Math.max(member.lastVisitAtMs ?? 0, nowMs), winBackSent: false }
}

/**
 * The member's last visit: as recorded, or, for a member written before visits were, the latest of
 * joining, the first purchase and the start of the last check-in day: the best the member document
 * knows, and never later than the truth, so such a member may look dormant a little early, never late.
 */
export function lastVisitOf(member: Member, timeZone: string): number {
  if (member.lastVisitAtMs !== undefined) return member.lastVisitAtMs
  const lastCheckIn = member.checkIn.lastDay === null ? 0 : startOfLocalDayMs(member.checkIn.lastDay, timeZone)
  return Math.max(member.joinedAtMs, member.firstPurchaseAtMs ?? 0, lastCheckIn)
}

/** The instant before which a last visit makes a member dormant. */
export function dormantBeforeMs(nowMs: number, inactiveDays: number): number {
  return nowMs - inactiveDays * DAY_MS
}

/** The win-back coupon's id for the spell that began with the visit at `lastVisitMs`: one per spell. */
export function winBackKeyOf(memberId: string, lastVisitMs: number): string {
  return `winback_${memberId}_${lastVisitMs}`
}

/** What the win-back job does with a member it found: give the spell's coupon, or only record the visit estimate. */
export type WinBackDecision =
  | { readonly kind: 'dormant'; readonly lastVisitMs: number; readonly key: string }
  | { readonly kind: 'active'; readonly lastVisitMs: number }
  | { readonly kind: 'alreadySent' }

/** Whether `member` is dormant at `nowMs` (no visit for `inactiveDays`) and still owed this spell's coupon. */
export function decideWinBack(
  member: Member,
  options: { readonly nowMs: number; readonly inactiveDays: number; readonly timeZone: string },
): WinBackDecision {
  if (member.winBackSent === true) return { kind: 'alreadySent' }
  const lastVisitMs = lastVisitOf(member, options.timeZone)
  if (lastVisitMs > dormantBeforeMs(options.nowMs, options.inactiveDays)) return { kind: 'active', lastVisitMs }
  return { kind: 'dormant', lastVisitMs, key: winBackKeyOf(member._id, lastVisitMs) }
}

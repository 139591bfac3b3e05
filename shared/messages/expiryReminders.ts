/**
 * Which expiry reminders are due, and which of them the member's opt-ins cover. A reminder is about
 * one points lot or one coupon, keyed by it, so it goes out once however many daily runs see it in
 * the window; each sent reminder spends one opt-in, soonest expiry first.
 */
import type { Coupon } from '../coupon/coupon'
import { lastValidDayOf } from '../ledger/expiryPolicy'
import type { PointsWallet } from '../ledger/wallet'
import type { PickupOrder } from '../mall/order'
import { pickupDeadlineMs } from '../mall/orderExpiry'
import type { Programme } from '../programme/schema'
import type { Result } from '../result'
import { type BusinessDayRule, businessDayOf } from '../time/businessDay'
import { couponExpiryMessage, pickupReminderMessage, pointsExpiryMessage, type SubscribeMessage } from './messages'

const DAY_MS = 86_400_000

/** One reminder due now: its key, when what it is about expires, and the message. */
export interface DueReminder {
  readonly key: string
  readonly expiresAtMs: number
  /** Points in the lot (0 for a coupon). */
  readonly points: number
  readonly message: SubscribeMessage
}

/** The reminder window's end: what expires after `nowMs` and by this instant is reminded of now. */
export function reminderWindowEndMs(nowMs: number, reminderDays: number): number {
  return nowMs + reminderDays * DAY_MS
}

/** The key of a points lot's reminder. */
export const pointsReminderKeyOf = (memberId: string, expiresAtMs: number) => `points:${memberId}:${expiresAtMs}`
/** The key of a coupon's reminder. */
export const couponReminderKeyOf = (couponId: string) => `coupon:${couponId}`
/** The key of a pickup order's reminder. */
export const pickupReminderKeyOf = (orderId: string) => `pickup:${orderId}`

function dueOf(built: Result<SubscribeMessage, 'INVALID_INPUT'>, due: Omit<DueReminder, 'message'>): DueReminder[] {
  return built.ok ? [{ ...due, message: built.data }] : []
}

/** The member's lots expiring after `nowMs` and by `windowEndMs`, one reminder each, soonest first. */
export function duePointsReminders(
  member: { readonly _id: string; readonly points: PointsWallet },
  options: {
    readonly nowMs: number
    readonly windowEndMs: number
    readonly rule: BusinessDayRule
    readonly brandName: string
  },
): DueReminder[] {
  const { nowMs, windowEndMs, rule, brandName } = options
  return member.points.lots.flatMap(({ expiresAtMs, amount }) => {
    if (expiresAtMs === null || expiresAtMs <= nowMs || expiresAtMs > windowEndMs || amount <= 0) return []
    const lastValidDay = lastValidDayOf(expiresAtMs, rule)
    const built = pointsExpiryMessage({ brandName, points: amount, lastValidDay })
    return dueOf(built, { key: pointsReminderKeyOf(member._id, expiresAtMs), expiresAtMs, points: amount })
  })
}

/** A coupon's reminder, when it is unused and expires after `nowMs` and by `windowEndMs`. */
export function dueCouponReminder(
  coupon: Pick<Coupon, '_id' | 'title' | 'validUntilMs' | 'usedAtMs'>,
  options: { readonly nowMs: number; readonly windowEndMs: number; readonly rule: BusinessDayRule },
): DueReminder[] {
  const { nowMs, windowEndMs, rule } = options
  if (coupon.usedAtMs !== null || coupon.validUntilMs <= nowMs || coupon.validUntilMs > windowEndMs) return []
  const built = couponExpiryMessage({
    couponTitle: coupon.title,
    lastValidDay: lastValidDayOf(coupon.validUntilMs, rule),
  })
  return dueOf(built, { key: couponReminderKeyOf(coupon._id), expiresAtMs: coupon.validUntilMs, points: 0 })
}

/**
 * A pickup order's reminder, when it still waits at the counter and its window (`pickupWindowDays`
 * from its creation, after which `expireOrders` cancels it) ends after `nowMs` and by `windowEndMs`.
 * Any of the brand's stores hands it over, so the message names the brand as the place.
 */
export function duePickupReminder(
  order: Pick<PickupOrder, '_id' | 'title' | 'pickupCode' | 'status' | 'createdAtMs'>,
  options: {
    readonly nowMs: number
    readonly windowEndMs: number
    readonly rule: BusinessDayRule
    readonly programme: Pick<Programme, 'automation' | 'brandName'>
  },
): DueReminder[] {
  const { nowMs, windowEndMs, rule, programme } = options
  const deadlineMs = pickupDeadlineMs(order, programme)
  if (order.status !== 'awaitingPickup' || deadlineMs <= nowMs || deadlineMs > windowEndMs) return []
  const built = pickupReminderMessage({
    itemTitle: order.title,
    pickupCode: order.pickupCode,
    storeName: programme.brandName,
    // The window ends at any time of day: its last day is the one the final instant falls on.
    lastPickupDay: businessDayOf(deadlineMs - 1, rule),
  })
  return dueOf(built, { key: pickupReminderKeyOf(order._id), expiresAtMs: deadlineMs, points: 0 })
}

/** What to do with one member's due reminders of one template: send, or record as not subscribed. */
export interface ReminderPlan {
  readonly send: readonly DueReminder[]
  readonly notSubscribed: readonly DueReminder[]
}

/**
 * Splits due reminders by the opt-ins left: those already sent (or being sent) drop out, the soonest
 * `optIns` of the rest are sent, the others wait as not subscribed (a later opt-in sends them).
 */
export function planReminders(
  due: readonly DueReminder[],
  options: { readonly optIns: number; readonly alreadySent: (key: string) => boolean },
): ReminderPlan {
  const pending = due
    .filter((reminder) => !options.alreadySent(reminder.key))
    .sort((a, b) => a.expiresAtMs - b.expiresAtMs)
  const covered = Math.max(0, options.optIns)
  return { send: pending.slice(0, covered), notSubscribed: pending.slice(covered) }
}

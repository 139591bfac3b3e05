import type { DayKey } from '../time/calendarDay'
import type { StaffRole } from './roles'

/**
 * What a staff member has recorded on one business day: the daily limit's counter. It lives on the
 * staff document, so the purchase transaction, which reads that document anyway, needs no other read.
 */
export interface StaffDay {
  readonly day: DayKey
  readonly purchaseTotalFen: number
  readonly purchaseCount: number
}

/** A bound staff member as stored (`staff/{openid}`): the `_id` is the OPENID, so a role is one read by id away. */
export interface StaffMember {
  readonly _id: string
  readonly openid: string
  readonly role: StaffRole
  /** Null for admins. */
  readonly storeId: string | null
  readonly name: string
  readonly boundAtMs: number
  /** The invite that bound them; absent for staff set up by the operator. */
  readonly inviteCode?: string | null
  /** Their counter for the last business day they recorded a purchase on; absent before the first. */
  readonly daily?: StaffDay
}

/** What the staff member has recorded on `day` so far: their counter when it is that day's, else nothing. */
export function staffDayOn(staff: Pick<StaffMember, 'daily'>, day: DayKey): StaffDay {
  return staff.daily?.day === day ? staff.daily : { day, purchaseTotalFen: 0, purchaseCount: 0 }
}

/** The day's counter with one more purchase of `amountFen` (a new business day starts from nothing). */
export function staffDayWithPurchase(staff: Pick<StaffMember, 'daily'>, day: DayKey, amountFen: number): StaffDay {
  const today = staffDayOn(staff, day)
  return { day, purchaseTotalFen: today.purchaseTotalFen + amountFen, purchaseCount: today.purchaseCount + 1 }
}

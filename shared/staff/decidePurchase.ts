import { usableBalance } from '../ledger'
import {
  applyGrowth,
  type GiftCoupon,
  grantPoints,
  type LedgerEntry,
  type Member,
  purchaseSummaryOf,
  withPurchase,
  withVisit,
} from '../member'
import type { Programme } from '../programme/schema'
import { ok, type Result } from '../result'
import type { DayKey } from '../time/calendarDay'
import type { PurchaseAuditEntry, PurchaseRecord } from './audit'
import { auditOperatorOf } from './audit'
import { purchaseEarningOf } from './purchaseEarningOf'
import { purchaseWithinLimits } from './purchaseLimits'
import { type StaffDay, type StaffMember, staffDayOn, staffDayWithPurchase } from './staffMember'

/** A purchase at the counter as the staff member entered it, keyed by its purchase key. */
export interface PurchaseInput {
  /** The purchase key: its audit entry's and its ledger entry's id. */
  readonly key: string
  readonly memberId: string
  readonly amountFen: number
  readonly receiptNo: string | null
  readonly requestId: string
}

/** What recording a purchase changes: the documents to write and its audit entry (which is also the answer). */
export interface PurchaseDecision {
  readonly member: Member
  /** The referrer with their reward, when this first purchase paid one. */
  readonly referrer: Member | null
  readonly entries: readonly LedgerEntry[]
  readonly staffDay: StaffDay
  readonly audit: PurchaseAuditEntry
  /** Upgrade gift coupons due, for the caller to issue after the purchase commits. */
  readonly giftCoupons: readonly GiftCoupon[]
}

/** The ledger key of the reward a referred member's first purchase pays their referrer: once per member. */
export function referralEntryKeyOf(memberId: string): string {
  return `referral_${memberId}`
}

/**
 * The referral rule: whom a purchase of `amountFen` by `member` rewards, or null. Only a referred
 * member's first purchase pays, and only when it reaches the programme's minimum (首单满 N 元: a
 * smaller first purchase pays nothing, then or later); never a self-referral, and nothing when the
 * programme's reward is zero.
 */
export function referrerDue(
  member: Member,
  programme: Pick<Programme, 'referralPoints' | 'referralMinimumFen'>,
  amountFen: number,
): string | null {
  const referrerId = member.referrerMemberId
  if (member.firstPurchaseAtMs !== null || referrerId === null || referrerId === member._id) return null
  if (amountFen < programme.referralMinimumFen) return null
  return programme.referralPoints > 0 ? referrerId : null
}

interface PurchaseContext {
  readonly staff: StaffMember
  readonly programme: Programme
  readonly input: PurchaseInput
  readonly nowMs: number
}

/** The purchase's own points (keyed by the purchase key) and growth, with the upgrade and its gift. */
function earn(context: PurchaseContext, member: Member) {
  const { staff, programme, input, nowMs } = context
  const earning = purchaseEarningOf({ programme, member, amountFen: input.amountFen, nowMs })
  const grant =
    earning.points > 0
      ? grantPoints({
          member,
          programme,
          amount: earning.points,
          nowMs,
          source: `purchase:${staff.storeId ?? ''}`,
          idempotencyKey: input.key,
          operatorId: staff.openid,
        })
      : null
  const earned: Member = grant ? { ...member, points: grant.points } : member
  const growth = applyGrowth({ member: earned, programme, growth: earning.growth, nowMs })
  // The entry keeps the breakdown so the member's history can name the campaign that doubled it.
  const withLines = grant && { ...grant, entry: { ...grant.entry, earningLines: earning.lines } }
  return { earning, grant: withLines, growth }
}

/** The referrer with their reward, when `member`'s purchase pays one (the referrer is read only then). */
function payReferral(context: PurchaseContext, member: Member, referrer: Member | null) {
  if (!referrer || referrerDue(member, context.programme, context.input.amountFen) !== referrer._id) return null
  const grant = grantPoints({
    member: referrer,
    programme: context.programme,
    amount: context.programme.referralPoints,
    nowMs: context.nowMs,
    source: `referral:${member._id}`,
    idempotencyKey: referralEntryKeyOf(member._id),
    operatorId: context.staff.openid,
  })
  return { referrer: { ...referrer, points: grant.points }, entry: grant.entry }
}

/**
 * Records a purchase for `member`: points from the programme's earning rules (tier multiplier,
 * campaigns, cap) keyed by the purchase key, growth with an upgrade and its gift, the referrer's
 * reward on a referred member's first purchase (`firstPurchaseAtMs` is set in the same write, so it
 * is paid once), and the staff member's day counter. A plain staff member going beyond the limits
 * gets MANAGER_APPROVAL_REQUIRED and nothing changes.
 */
export function decidePurchase(
  state: { readonly staff: StaffMember; readonly member: Member; readonly referrer: Member | null },
  options: {
    readonly programme: Programme
    readonly input: PurchaseInput
    readonly day: DayKey
    readonly nowMs: number
  },
): Result<PurchaseDecision, 'MANAGER_APPROVAL_REQUIRED'> {
  const { staff, member } = state
  const { programme, input, day, nowMs } = options
  const withinLimits = purchaseWithinLimits({
    role: staff.role,
    amountFen: input.amountFen,
    dailyTotalFen: staffDayOn(staff, day).purchaseTotalFen,
    limits: programme.staffLimits,
  })
  if (!withinLimits.ok) return withinLimits
  const context: PurchaseContext = { staff, programme, input, nowMs }
  const { earning, grant, growth } = earn(context, member)
  const referral = payReferral(context, member, state.referrer)
  const updated: Member = {
    ...withVisit(growth.member, nowMs),
    firstPurchaseAtMs: member.firstPurchaseAtMs ?? nowMs,
    purchases: withPurchase(purchaseSummaryOf(member), input.amountFen, nowMs),
  }
  const purchase: PurchaseRecord = {
    receiptNo: input.receiptNo,
    requestId: input.requestId,
    growth: earning.growth,
    lines: earning.lines,
    lotChanges: grant ? grant.entry.lotChanges : [],
    upgradedTo: growth.upgradedTo,
    upgradeGiftPoints: growth.giftEntries.reduce((sum, entry) => sum + entry.amount, 0),
    referralReward: referral ? { referrerMemberId: referral.referrer._id, points: referral.entry.amount } : null,
  }
  return ok({
    member: updated,
    referrer: referral?.referrer ?? null,
    entries: [...(grant ? [grant.entry] : []), ...growth.giftEntries, ...(referral ? [referral.entry] : [])],
    staffDay: staffDayWithPurchase(staff, day, input.amountFen),
    giftCoupons: growth.giftCoupons,
    audit: {
      ...auditOperatorOf(staff),
      _id: input.key,
      action: 'purchase',
      createdAtMs: nowMs,
      memberId: member._id,
      amountFen: input.amountFen,
      points: earning.points,
      balanceBefore: usableBalance(member.points, nowMs),
      balanceAfter: usableBalance(updated.points, nowMs),
      subjectId: input.key,
      note: input.receiptNo === null ? null : `小票 ${input.receiptNo}`,
      reversedAtMs: null,
      purchase,
    },
  })
}

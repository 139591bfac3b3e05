/**
 * Recording a purchase: the unit of work the counter's `staff.recordPurchase` runs and a manager's
 * approval of an over-limit purchase (`admin.decideApproval`) joins, and the upgrade gift coupons
 * both issue after their commit.
 */
import type { ActionErrorCode, GiftCouponOutcome, RecordPurchaseResult, recordPurchaseInput } from '@shared/contracts'
import type { GiftCoupon } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import {
  decidePurchase,
  type PurchaseAuditEntry,
  purchaseEntryOf,
  referrerDue,
  selfPurchaseAttempt,
} from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import type { z } from 'zod'
import type { Database } from './cloud'
import type { AuditDocument } from './documents/staff'
import { issueGiftCoupons, recordGiftCouponsDue } from './giftCoupons'
import { purchaseKeyOf } from './purchaseKeys'
import { staffBindingOf } from './requireStaff'
import type { UnitOfWork } from './unitOfWork'

/** Why a counter session names no member: scanned too long ago, or not this clerk's (or forged). */
export type CounterSessionRefusal = 'COUNTER_SESSION_EXPIRED' | 'COUNTER_SESSION_INVALID'

/** The purchase as recorded: the member is the one the counter session names. */
type RecordPurchaseInput = Omit<z.output<typeof recordPurchaseInput>, 'session'> & { readonly memberId: string }
export type RecordPurchaseAnswer = Result<RecordPurchaseResult, ActionErrorCode<'staff', 'recordPurchase'>>

/** The answer a purchase's audit entry gives, first time or replayed. */
function resultOf(audit: PurchaseAuditEntry, replayed: boolean): RecordPurchaseResult {
  const { purchase } = audit
  return {
    replayed,
    purchaseEntryId: audit._id,
    memberId: audit.memberId,
    storeId: audit.storeId ?? '',
    amountFen: audit.amountFen,
    receiptNo: purchase.receiptNo,
    points: audit.points,
    growth: purchase.growth,
    lines: purchase.lines,
    balanceBefore: audit.balanceBefore,
    balanceAfter: audit.balanceAfter,
    upgradedTo: purchase.upgradedTo,
    upgradeGiftPoints: purchase.upgradeGiftPoints,
    referralReward: purchase.referralReward,
    recordedAtMs: audit.createdAtMs,
  }
}

/**
 * The first recording of this purchase key, as a replay; REQUEST_ID_REUSED when the key (a receipt
 * number already used in the store, or a request id) was recorded for another member or amount.
 */
function replayOf(earlier: AuditDocument, input: RecordPurchaseInput): RecordPurchaseAnswer {
  const purchase = purchaseEntryOf(earlier)
  if (!purchase) return err('INTERNAL')
  if (purchase.memberId !== input.memberId || purchase.amountFen !== input.amountFen) {
    return input.receiptNo === undefined
      ? err('REQUEST_ID_REUSED')
      : err('REQUEST_ID_REUSED', `小票号 ${input.receiptNo} 已记录过另一笔消费`)
  }
  return ok(resultOf(purchase, true))
}

/** The answer, with the upgrade gift coupons a first recording made due. */
export interface Recorded {
  readonly answer: RecordPurchaseAnswer
  readonly giftCoupons: readonly GiftCoupon[]
}

export interface Recording {
  readonly openid: string
  readonly programme: Programme
  readonly input: Omit<RecordPurchaseInput, 'memberId'>
  /** The member the counter session names, or why it names none. */
  readonly memberId: Result<string, CounterSessionRefusal>
  readonly nowMs: number
  /** A clerk's over-limit purchase a manager approves: recorded in the clerk's store, naming the clerk. */
  readonly approved?: { readonly clerkOpenid: string; readonly storeId: string }
}

/**
 * The purchase's unit of work: the staff member first (their store names the purchase key, and
 * their day counter carries the limit), then the purchase's audit entry (the idempotency marker) and
 * the member at once, and the referrer only on a referred member's first purchase.
 */
export async function recordPurchaseIn(
  unit: UnitOfWork,
  recording: Recording,
): Promise<RecordPurchaseAnswer | Recorded> {
  const { programme, nowMs, approved } = recording
  const binding = staffBindingOf(await unit.read('staff', recording.openid), recording.openid)
  if (!binding.ok) return binding
  const staff = approved ? ok({ ...binding.data, storeId: approved.storeId }) : binding
  if (!recording.memberId.ok) return recording.memberId
  const input: RecordPurchaseInput = { ...recording.input, memberId: recording.memberId.data }
  const key = purchaseKeyOf({
    storeId: staff.data.storeId,
    receiptNo: input.receiptNo,
    memberId: input.memberId,
    requestId: input.requestId,
  })
  const [earlier, member] = await Promise.all([unit.read('audit', key), unit.read('members', input.memberId)])
  if (earlier) return replayOf(earlier, input)
  if (!member) return err('MEMBER_NOT_FOUND')
  const receiptNo = input.receiptNo ?? null
  const selfAttempt = selfPurchaseAttempt(staff.data, member, { input: { ...input, key, receiptNo }, nowMs })
  if (selfAttempt) {
    // The only refusal that writes: the attempt stays in the audit log for a manager to see.
    unit.replace('audit', selfAttempt)
    return err('SELF_PURCHASE')
  }
  const referrerId = referrerDue(member, programme, input.amountFen)
  const referrer = referrerId === null ? null : await unit.read('members', referrerId)
  const day = businessDayOf(nowMs, businessDayRuleOf(programme))
  const decided = decidePurchase(
    { staff: staff.data, member, referrer },
    { programme, day, nowMs, input: { ...input, key, receiptNo } },
  )
  if (!decided.ok) return decided
  const { entries, audit, staffDay } = decided.data
  const storeId = staff.data.storeId
  for (const entry of entries) unit.createLedgerEntry(entry, storeId)
  unit.tally({ storeId, atMs: nowMs }, { purchases: 1, purchaseAmountFen: input.amountFen })
  unit.replace('members', decided.data.member)
  if (decided.data.referrer) unit.replace('members', decided.data.referrer)
  unit.update('staff', staff.data._id, { daily: staffDay })
  const recorded = approved ? { ...audit, requestedByOpenid: approved.clerkOpenid } : audit
  unit.create('audit', recorded)
  const { giftCoupons } = decided.data
  recordGiftCouponsDue(unit, { memberId: member._id, coupons: giftCoupons, source: 'upgrade', nowMs })
  return { answer: ok(resultOf(recorded, false)), giftCoupons }
}

/**
 * The recorded purchase's answer, with its upgrade gift coupons issued after the unit of work's
 * commit (see `issueGiftCoupons`): keyed by the upgrade gift key and the template, so a replay,
 * which makes none due, issues none.
 */
export async function withUpgradeGiftCoupons(
  db: Database,
  recorded: Recorded,
  options: { readonly programme: Programme; readonly nowMs: number },
): Promise<RecordPurchaseAnswer> {
  const { answer, giftCoupons } = recorded
  if (!answer.ok || giftCoupons.length === 0) return answer
  const upgradeGiftCoupons: readonly GiftCouponOutcome[] = await issueGiftCoupons(db, {
    memberId: answer.data.memberId,
    coupons: giftCoupons,
    source: 'upgrade',
    ...options,
  })
  return ok({ ...answer.data, upgradeGiftCoupons })
}

/** A unit of work's answer as `Recorded`: a refusal or a replay makes no gift due. */
export function recordedOf(recorded: RecordPurchaseAnswer | Recorded): Recorded {
  return 'answer' in recorded ? recorded : { answer: recorded, giftCoupons: [] }
}

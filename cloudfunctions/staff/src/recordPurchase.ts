import type { ActionErrorCode } from '@shared/contracts'
import { API, type RecordPurchaseResult, type recordPurchaseInput } from '@shared/contracts'
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
import { database } from '../../common/cloud'
import type { AuditDocument } from '../../common/documents/staff'
import { issueGiftCoupons } from '../../common/giftCoupons'
import { currentProgramme } from '../../common/programmeStore'
import { staffBindingOf } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { runUnitOfWork, type UnitOfWork } from '../../common/unitOfWork'
import { type CounterSessionRefusal, counterSessionMember } from './counterSession'
import { purchaseKeyOf } from './purchaseKeys'

/** The purchase as recorded: the member is the one the counter session names. */
type RecordPurchaseInput = Omit<z.output<typeof recordPurchaseInput>, 'session'> & { readonly memberId: string }
type RecordPurchaseAnswer = Result<RecordPurchaseResult, ActionErrorCode<'staff', 'recordPurchase'>>

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
export async function recordIn(unit: UnitOfWork, recording: Recording): Promise<RecordPurchaseAnswer | Recorded> {
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
  for (const entry of entries) unit.create('ledger', entry)
  unit.replace('members', decided.data.member)
  if (decided.data.referrer) unit.replace('members', decided.data.referrer)
  unit.update('staff', staff.data._id, { daily: staffDay })
  const recorded = approved ? { ...audit, requestedByOpenid: approved.clerkOpenid } : audit
  unit.create('audit', recorded)
  return { answer: ok(resultOf(recorded, false)), giftCoupons: decided.data.giftCoupons }
}

/**
 * `staff.recordPurchase`: points and growth for a purchase at the counter, for the member the counter
 * session names (scanned by this caller within COUNTER_SESSION_TTL_MS: the member is present), recorded for the caller's
 * store, never for the caller's own member account (SELF_PURCHASE, and the attempt is audited). One unit of work over the staff member (their day counter: above the limits a plain staff
 * member gets MANAGER_APPROVAL_REQUIRED and nothing is written; managers and admins record it), the
 * purchase's audit entry (keyed by the receipt number in the store, or by member and request id: a
 * replay answers the first result and awards nothing; a concurrent twin that won the key makes this
 * one run again and answer as a replay too), the member (points, growth, tier upgrade and its gift, `firstPurchaseAtMs`) and, on
 * a referred member's first purchase, the referrer's reward (once: `firstPurchaseAtMs` is set in the
 * same transaction, and the reward's entry is keyed by the referred member). See `decidePurchase`.
 *
 * Requests with the programme cached: transaction: start, staff (1), audit entry and member (2, at
 * once), ledger entry + member + staff counter + audit (4), commit: 9. A purchase that gives no
 * points writes no entry (8); an upgrade gift adds an entry; a referral adds a read and two writes;
 * a replay is start, 3 reads, commit: 5. Upgrade gift coupons are issued after the commit, keyed by
 * the upgrade gift key and the template (see `issueGiftCoupons`): `grantCoupon`'s 7 each, at once.
 */
export const recordPurchase = defineAction(API.staff.recordPurchase, async ({ session, ...input }, caller) => {
  const openid = caller.openid
  if (openid === null) return err('NOT_STAFF')
  const db = database()
  const recording: Recording = {
    openid,
    programme: await currentProgramme(db, caller.nowMs),
    input,
    memberId: counterSessionMember(session, { clerkOpenid: openid, nowMs: caller.nowMs }),
    nowMs: caller.nowMs,
  }
  const { answer, giftCoupons } = await runUnitOfWork(db, async (unit) => {
    const recorded = await recordIn(unit, recording)
    return 'answer' in recorded ? recorded : { answer: recorded, giftCoupons: [] }
  })
  if (!answer.ok || giftCoupons.length === 0) return answer
  const upgradeGiftCoupons = await issueGiftCoupons(db, {
    memberId: answer.data.memberId,
    coupons: giftCoupons,
    source: 'upgrade',
    programme: recording.programme,
    nowMs: caller.nowMs,
  })
  return ok({ ...answer.data, upgradeGiftCoupons })
})

import type { ActionErrorCode } from '@shared/contracts'
import { API, type RecordPurchaseResult, type recordPurchaseInput } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import { applyGrowth, grantPoints, type LedgerEntry, type Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import { purchaseWithinLimits } from '@shared/staff'
import { businessDayOf } from '@shared/time/businessDay'
import type { z } from 'zod'
import { type Database, database, TRANSACTION_ATTEMPTS_MAX, type Transaction } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import type { AuditDocument, PurchaseRecord, StaffDailyDocument, StaffDocument } from '../../common/documents/staff'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { auditBase, staffDailyIdOf } from './documents'
import { purchaseEarningOf } from './purchaseEarningOf'
import { purchaseKeyOf } from './purchaseKeys'
import { requireStaff } from './requireStaff'

type RecordPurchaseInput = z.output<typeof recordPurchaseInput>

interface Recording {
  readonly staff: StaffDocument
  readonly programme: Programme
  readonly input: RecordPurchaseInput
  readonly key: string
  readonly day: string
  readonly nowMs: number
}

/** The answer a purchase's audit entry gives, first time or replayed. */
function resultOf(audit: AuditDocument, replayed: boolean): RecordPurchaseResult {
  const purchase = audit.purchase as PurchaseRecord
  return {
    replayed,
    purchaseEntryId: audit._id,
    memberId: audit.memberId ?? '',
    storeId: audit.storeId ?? '',
    amountFen: audit.amountFen ?? 0,
    receiptNo: purchase.receiptNo,
    points: audit.points ?? 0,
    growth: purchase.growth,
    lines: purchase.lines,
    balanceBefore: audit.balanceBefore ?? 0,
    balanceAfter: audit.balanceAfter ?? 0,
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
function replayOf(
  earlier: AuditDocument,
  input: RecordPurchaseInput,
): Result<RecordPurchaseResult, ActionErrorCode<'staff', 'recordPurchase'>> {
  if (earlier.action !== 'purchase' || earlier.purchase === null) return err('INTERNAL')
  if (earlier.memberId !== input.memberId || earlier.amountFen !== input.amountFen) {
    return input.receiptNo === undefined
      ? err('REQUEST_ID_REUSED')
      : err('REQUEST_ID_REUSED', `小票号 ${input.receiptNo} 已记录过另一笔消费`)
  }
  return ok(resultOf(earlier, true))
}

/** The referrer's reward on a first purchase: their new wallet and the entry, or null when none is due. */
async function referralGrant(
  transaction: Transaction,
  recording: Recording,
  member: Member,
): Promise<{ referrer: Member; entry: LedgerEntry } | null> {
  const referrerId = member.referrerMemberId
  const points = recording.programme.referralPoints
  if (member.firstPurchaseAtMs !== null || referrerId === null || referrerId === member._id || points <= 0) return null
  const referrer = await readDocument<Member>(transaction.collection('members').doc(referrerId))
  if (!referrer) return null
  const grant = grantPoints({
    member: referrer,
    programme: recording.programme,
    amount: points,
    nowMs: recording.nowMs,
    source: `referral:${member._id}`,
    idempotencyKey: `referral_${member._id}`,
    operatorId: recording.staff.openid,
  })
  return { referrer: { ...referrer, points: grant.points }, entry: grant.entry }
}

/**
 * The purchase transaction, over the purchase's audit entry (the idempotency marker), the member, the
 * staff member's day counter and, on a referred member's first purchase, the referrer.
 */
async function recordInTransaction(
  transaction: Transaction,
  recording: Recording,
): Promise<Result<RecordPurchaseResult, ActionErrorCode<'staff', 'recordPurchase'>>> {
  const { staff, programme, input, key, day, nowMs } = recording
  const auditReference = transaction.collection('audit').doc(key)
  const memberReference = transaction.collection('members').doc(input.memberId)
  const dailyReference = transaction.collection('staff_daily').doc(staffDailyIdOf(staff.openid, day))
  const [earlier, member, daily] = await Promise.all([
    readDocument<AuditDocument>(auditReference),
    readDocument<Member>(memberReference),
    readDocument<StaffDailyDocument>(dailyReference),
  ])
  if (earlier) return replayOf(earlier, input)
  if (!member) return err('MEMBER_NOT_FOUND')
  const dailyTotalFen = daily?.purchaseTotalFen ?? 0
  const withinLimits = purchaseWithinLimits({
    role: staff.role,
    amountFen: input.amountFen,
    dailyTotalFen,
    limits: programme.staffLimits,
  })
  if (!withinLimits.ok) return withinLimits

  const earning = purchaseEarningOf({ programme, member, amountFen: input.amountFen, nowMs })
  const entries: LedgerEntry[] = []
  let updated: Member = member
  if (earning.points > 0) {
    const grant = grantPoints({
      member,
      programme,
      amount: earning.points,
      nowMs,
      source: `purchase:${staff.storeId ?? ''}`,
      idempotencyKey: key,
      operatorId: staff.openid,
    })
    updated = { ...updated, points: grant.points }
    entries.push(grant.entry)
  }
  const growth = applyGrowth({ member: updated, programme, growth: earning.growth, nowMs })
  const referral = await referralGrant(transaction, recording, member)
  updated = { ...growth.member, firstPurchaseAtMs: member.firstPurchaseAtMs ?? nowMs }
  entries.push(...growth.giftEntries)
  if (referral) entries.push(referral.entry)

  const purchase: PurchaseRecord = {
    receiptNo: input.receiptNo ?? null,
    requestId: input.requestId,
    growth: earning.growth,
    lines: earning.lines,
    lotChanges: entries[0]?._id === key ? entries[0].lotChanges : [],
    upgradedTo: growth.upgradedTo,
    upgradeGiftPoints: growth.giftEntries.reduce((sum, entry) => sum + entry.amount, 0),
    referralReward: referral ? { referrerMemberId: referral.referrer._id, points: referral.entry.amount } : null,
  }
  const audit = auditBase(staff, {
    _id: key,
    action: 'purchase',
    createdAtMs: nowMs,
    memberId: member._id,
    amountFen: input.amountFen,
    points: earning.points,
    balanceBefore: usableBalance(member.points, nowMs),
    balanceAfter: usableBalance(updated.points, nowMs),
    subjectId: key,
    note: input.receiptNo === undefined ? null : `小票 ${input.receiptNo}`,
    purchase,
  })
  const dailyFields: StaffDailyDocument = {
    openid: staff.openid,
    day,
    purchaseTotalFen: dailyTotalFen + input.amountFen,
    purchaseCount: (daily?.purchaseCount ?? 0) + 1,
    updatedAtMs: nowMs,
  }
  const { _id, ...memberFields } = updated
  const writes: Promise<unknown>[] = [
    ...entries.map((entry) => transaction.collection('ledger').add({ data: { ...entry } })),
    memberReference.set({ data: memberFields }),
    dailyReference.set({ data: { ...dailyFields } }),
    transaction.collection('audit').add({ data: { ...audit } }),
  ]
  if (referral) {
    const { _id: referrerId, ...referrerFields } = referral.referrer
    writes.push(transaction.collection('members').doc(referrerId).set({ data: referrerFields }))
  }
  await Promise.all(writes)
  return ok(resultOf(audit, false))
}

/** Runs the transaction; a concurrent twin that won the unique key answers as a replay. */
async function settle(
  db: Database,
  recording: Recording,
): Promise<Result<RecordPurchaseResult, ActionErrorCode<'staff', 'recordPurchase'>>> {
  try {
    return await db.runTransaction(
      (transaction) => recordInTransaction(transaction, recording),
      TRANSACTION_ATTEMPTS_MAX,
    )
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
    const earlier = await readDocument<AuditDocument>(db.collection('audit').doc(recording.key))
    if (!earlier) throw error
    return replayOf(earlier, recording.input)
  }
}

/**
 * `staff.recordPurchase`: points and growth for a purchase at the counter, recorded for the caller's
 * store. One transaction over the purchase's audit entry (keyed by the receipt number in the store,
 * or by member and request id: a replay answers the first result and awards nothing), the member
 * (points from `purchaseEarning`, growth, tier upgrade and its gift, `firstPurchaseAtMs`), the staff
 * member's day counter (the limits: above them a plain staff member gets MANAGER_APPROVAL_REQUIRED and
 * nothing is written; managers and admins record it) and, on a referred member's first purchase, the
 * referrer's reward (once: `firstPurchaseAtMs` is set in the same transaction, and the reward's entry
 * is keyed by the referred member).
 *
 * Requests with the programme cached: staff (1), transaction: start, 3 reads, ledger entry + member +
 * counter + audit (4), commit: 10. A purchase that gives no points writes no entry (9); an upgrade
 * gift adds an entry; a referral adds a read and two writes.
 */
export const recordPurchase = defineAction(API.staff.recordPurchase, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireStaff(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const recording: Recording = {
    staff: staff.data,
    programme,
    input,
    key: purchaseKeyOf({
      storeId: staff.data.storeId,
      receiptNo: input.receiptNo,
      memberId: input.memberId,
      requestId: input.requestId,
    }),
    day: businessDayOf(caller.nowMs, {
      timeZone: programme.timeZone,
      cutoffHour: programme.businessDayCutoffHour,
    }),
    nowMs: caller.nowMs,
  }
  return settle(db, recording)
})

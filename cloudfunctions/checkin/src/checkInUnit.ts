import type { CheckInResult } from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import type { CheckInDecision, Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok, type Result } from '@shared/result'
import type { DayKey } from '@shared/time/calendarDay'
import type { Database } from '../../common/cloud'
import { issueGiftCoupons, recordGiftCouponsDue } from '../../common/giftCoupons'
import { runUnitOfWork } from '../../common/unitOfWork'
import { checkInAnswer } from './checkInAnswer'

/**
 * A check-in or a makeup: one unit of work over the member document, which holds the check-in state
 * (so the database serialises concurrent ones), writing the decision's ledger entries, the member and
 * the upgrade gift's coupons as due; those coupons are issued after the commit (`issueGiftCoupons`).
 */
export async function runCheckInUnit<Refusal extends ErrorCode>(
  db: Database,
  options: {
    readonly memberId: string
    readonly day: DayKey
    readonly programme: Programme
    readonly nowMs: number
    readonly decide: (member: Member) => Result<CheckInDecision, Refusal>
  },
): Promise<Result<CheckInResult, Refusal | 'NOT_A_MEMBER'>> {
  const { memberId, day, programme, nowMs } = options
  const decided = await runUnitOfWork(db, async (unit) => {
    const member = await unit.read('members', memberId)
    if (!member) return err('NOT_A_MEMBER')
    const decision = options.decide(member)
    if (!decision.ok) return decision
    for (const entry of decision.data.entries) unit.createLedgerEntry(entry, member.joinedStoreId)
    unit.tally({ storeId: member.joinedStoreId, atMs: nowMs }, { checkIns: 1 })
    unit.replace('members', decision.data.member)
    recordGiftCouponsDue(unit, { memberId, coupons: decision.data.giftCoupons, source: 'upgrade', nowMs })
    return decision
  })
  if (!decided.ok) return decided
  const answer = checkInAnswer(day, decided.data, nowMs)
  const { giftCoupons } = decided.data
  if (giftCoupons.length === 0) return ok(answer)
  const upgradeGiftCoupons = await issueGiftCoupons(db, {
    memberId,
    coupons: giftCoupons,
    source: 'upgrade',
    programme,
    nowMs,
  })
  return ok({ ...answer, upgradeGiftCoupons })
}

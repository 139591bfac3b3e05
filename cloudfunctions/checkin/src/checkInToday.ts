import { checkIn } from '@shared/checkin'
import type { ActionErrorCode } from '@shared/contracts'
import { API, type CheckInResult } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok, type Result } from '@shared/result'
import { businessDayOf } from '@shared/time/businessDay'
import { applyGrowth } from '../../common/applyGrowth'
import { database, TRANSACTION_ATTEMPTS_MAX } from '../../common/cloud'
import { grantPoints } from '../../common/grantPoints'
import type { LedgerDocument, MemberDocument } from '../../common/memberDocument'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { withCheckedDay } from './checkInRecord'

/**
 * `checkin.checkIn`: one transaction over the member document, which holds the check-in state, so
 * the database serialises concurrent check-ins: 20 taps at once commit one check-in, and the
 * retried others find it done (ALREADY_CHECKED_IN). The reward's ledger entry is keyed by member
 * and business day, a second guard the database enforces.
 *
 * Requests: start, read the member, add the ledger entry, write the member, commit: 5 (6 when the
 * check-in's growth crosses a tier with a points gift). A crash at any step leaves the transaction
 * uncommitted and nothing written, which a design without the transaction (fewer requests, but the
 * entry and the balance written apart) could not promise.
 */
export const checkInToday = defineAction(API.checkin.checkIn, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const day = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
  return db.runTransaction(
    async (transaction): Promise<Result<CheckInResult, ActionErrorCode<'checkin', 'checkIn'>>> => {
      const reference = transaction.collection('members').doc(memberId.data)
      const member = await readDocument<MemberDocument>(reference)
      if (!member) return err('NOT_A_MEMBER')
      const outcome = checkIn({ state: member.checkIn, day, rules: programme.checkIn })
      if (!outcome.ok) return outcome
      const { reward } = outcome.data
      const entries: LedgerDocument[] = []
      let updated: MemberDocument = member
      if (reward.points > 0) {
        const grant = grantPoints({
          member,
          programme,
          amount: reward.points,
          nowMs: caller.nowMs,
          source: `checkin:${day}`,
          idempotencyKey: `checkin_${member._id}_${day}`,
        })
        updated = { ...updated, points: grant.points }
        entries.push(grant.entry)
      }
      const growth = applyGrowth({ member: updated, programme, growth: reward.growth, nowMs: caller.nowMs })
      updated = {
        ...growth.member,
        checkIn: {
          ...member.checkIn,
          ...outcome.data.state,
          recentDays: withCheckedDay(member.checkIn, day, day),
        },
      }
      for (const entry of [...entries, ...growth.giftEntries]) {
        await transaction.collection('ledger').add({ data: { ...entry } })
      }
      const { _id, ...fields } = updated
      await reference.set({ data: fields })
      return ok({
        day,
        streak: outcome.data.cycleDay,
        points: reward.points,
        growth: reward.growth,
        balance: usableBalance(updated.points, caller.nowMs),
        upgradedTo: growth.upgradedTo,
      })
    },
    TRANSACTION_ATTEMPTS_MAX,
  )
})

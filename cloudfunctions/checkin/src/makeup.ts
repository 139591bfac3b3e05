import { cycleDayOf, makeupEligibility, makeupReward, stateAfterMakeup, withCheckedDay } from '@shared/checkin'
import type { ActionErrorCode } from '@shared/contracts'
import { API, type CheckInResult } from '@shared/contracts'
import { draftEntry, spendPoints, usableBalance } from '@shared/ledger'
import { applyGrowth, grantPoints, type LedgerEntry, type Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok, type Result } from '@shared/result'
import { businessDayOf } from '@shared/time/businessDay'
import { monthKeyOf } from '@shared/time/calendarDay'
import { database, TRANSACTION_ATTEMPTS_MAX } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `checkin.makeup`: fills a missed day, in one transaction: the cost is spent and the base reward
 * earned as two ledger entries keyed by member and day, and the run is recounted (a makeup can
 * bridge two runs). The month's allowance counts makeups made this business month.
 */
export const makeup = defineAction(API.checkin.makeup, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const rules = programme.checkIn
  const today = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
  const month = monthKeyOf(today)
  return db.runTransaction(
    async (transaction): Promise<Result<CheckInResult, ActionErrorCode<'checkin', 'makeup'>>> => {
      const reference = transaction.collection('members').doc(memberId.data)
      const member = await readDocument<Member>(reference)
      if (!member) return err('NOT_A_MEMBER')
      const checkedDays = new Set(member.checkIn.recentDays)
      const eligibility = makeupEligibility({
        day: input.day,
        today,
        checkedDays,
        makeupsUsedThisMonth: member.checkIn.makeupsByMonth[month] ?? 0,
        usableBalance: usableBalance(member.points, caller.nowMs),
        rules,
        joinedDay: businessDayOf(member.joinedAtMs, businessDayRuleOf(programme)),
      })
      if (!eligibility.ok) return eligibility
      const entries: LedgerEntry[] = []
      let updated = member
      const cost = eligibility.data.costPoints
      if (cost > 0) {
        const spent = spendPoints(member.points, { amount: cost, nowMs: caller.nowMs })
        if (!spent.ok) return spent
        const key = `makeupcost_${member._id}_${input.day}`
        const draft = draftEntry('spend', spent.data, {
          source: `makeup:${input.day}`,
          operatorId: null,
          idempotencyKey: key,
          createdAtMs: caller.nowMs,
          reason: null,
        })
        entries.push({ _id: key, memberId: member._id, ...draft, lotChanges: [...draft.lotChanges] })
        updated = { ...updated, points: spent.data.wallet }
      }
      const reward = makeupReward(rules)
      if (reward.points > 0) {
        const grant = grantPoints({
          member: updated,
          programme,
          amount: reward.points,
          nowMs: caller.nowMs,
          source: `makeup:${input.day}`,
          idempotencyKey: `makeup_${member._id}_${input.day}`,
        })
        updated = { ...updated, points: grant.points }
        entries.push(grant.entry)
      }
      const growth = applyGrowth({ member: updated, programme, growth: reward.growth, nowMs: caller.nowMs })
      const recentDays = withCheckedDay(member.checkIn, input.day, today)
      const state = stateAfterMakeup({
        state: member.checkIn,
        checkedDays: new Set(recentDays),
        madeUpDay: input.day,
        cycle: rules.cycle,
      })
      updated = {
        ...growth.member,
        checkIn: {
          ...state,
          recentDays,
          makeupsByMonth: { [month]: (member.checkIn.makeupsByMonth[month] ?? 0) + 1 },
        },
      }
      for (const entry of [...entries, ...growth.giftEntries]) {
        await transaction.collection('ledger').add({ data: { ...entry } })
      }
      const { _id, ...fields } = updated
      await reference.set({ data: fields })
      return ok({
        day: input.day,
        streak: cycleDayOf(state.runLength, rules.cycle),
        points: reward.points,
        growth: reward.growth,
        balance: usableBalance(updated.points, caller.nowMs),
        upgradedTo: growth.upgradedTo,
      })
    },
    TRANSACTION_ATTEMPTS_MAX,
  )
})

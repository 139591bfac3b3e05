import { checkIn, monthCalendar, viewableMonths } from '@shared/checkin'
import { API, type CheckInStatus } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import { err, ok } from '@shared/result'
import { businessDayOf } from '@shared/time/businessDay'
import { monthKeyOf } from '@shared/time/calendarDay'
import { database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/** `checkin.status`: the month calendar and what checking in today gives; one database request. */
export const status = defineAction(API.checkin.status, async (input, caller) => {
  const db = database()
  const [programme, member] = await Promise.all([currentProgramme(db, caller.nowMs), loadCallerMember(db, caller)])
  if (!member.ok) return member
  const rules = programme.checkIn
  const today = businessDayOf(caller.nowMs, businessDayRuleOf(programme))
  const month = input.month ?? monthKeyOf(today)
  if (!viewableMonths(today).includes(month)) return err('INVALID_INPUT', 'month：只能查看本月和上月')
  const { checkIn: record, points } = member.data
  const makeupsUsedThisMonth = record.makeupsByMonth[monthKeyOf(today)] ?? 0
  const calendar = monthCalendar({
    month,
    today,
    checkedDays: new Set(record.recentDays),
    state: record,
    rules,
    makeupsUsedThisMonth,
    usableBalance: usableBalance(points, caller.nowMs),
    joinedDay: businessDayOf(member.data.joinedAtMs, businessDayRuleOf(programme)),
  })
  const todays = checkIn({ state: record, day: today, rules })
  const result: CheckInStatus = {
    today,
    month,
    leadingBlankDays: calendar.leadingBlankDays,
    days: calendar.days,
    checkedInToday: calendar.checkedInToday,
    streak: calendar.streak,
    cycleLengthDays: calendar.cycleLengthDays,
    nextReward: calendar.nextReward,
    todayPoints: todays.ok ? todays.data.reward.points : 0,
    makeup: {
      enabled: rules.enabled && rules.makeup.enabled,
      costPoints: rules.makeup.costPoints,
      remainingThisMonth: Math.max(rules.makeup.monthlyLimit - makeupsUsedThisMonth, 0),
    },
  }
  return ok(result)
})

import type { CalendarDay, CheckInStatus, HistoryEntry, MemberCard, PublicProgramme } from '@shared/contracts'
import { ERROR_MESSAGES } from '@shared/errors'
import { daysOfMonth, isoWeekdayOf } from '@shared/time/calendarDay'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

// One fixtures module for tests/ui and tests/weapp: the weapp tests import these too, so the DOM
// stand-ins and the compiled build are checked against the same members, items and staff.
export * from './mallFixtures'
export * from './staffFixtures'

/** What every member-only action answers a visitor who has not joined. */
export const NOT_A_MEMBER_REFUSAL = { ok: false, code: 'NOT_A_MEMBER', message: ERROR_MESSAGES.NOT_A_MEMBER } as const

/** The demo programme as `programme.get` answers it. */
export const PROGRAMME: PublicProgramme = {
  brandName: DEMO_PROGRAMME.brandName,
  tiers: DEMO_PROGRAMME.tiers.map(({ id, name, growthThreshold, benefits }) => ({
    id,
    name,
    growthThreshold,
    benefits,
  })),
  joinGift: { points: DEMO_PROGRAMME.joinGift.points, couponCount: 0 },
  profileCompletionPoints: DEMO_PROGRAMME.profileCompletionPoints,
}

/** A silver member's card, 380 growth short of gold. */
export function cardOf(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    memberId: 'm0000000000000000000000a1',
    nickname: '小满',
    avatarUrl: null,
    tier: { id: 'silver', name: '银卡会员' },
    nextTier: { id: 'gold', name: '金卡会员' },
    growth: 1620,
    growthToNextTier: 380,
    progressPercent: 75,
    balance: 1280,
    expiringSoon: { points: 120, lastValidDay: '2026-12-31' },
    usableCouponCount: 3,
    tierChange: null,
    ...overrides,
  }
}

/** A check-in calendar for a month, `checkedDays` ticked, `today` marked (days after it are future). */
export function calendarOf(options: {
  month: string
  today: string
  checkedDays?: readonly string[]
  makeupDays?: readonly string[]
  overrides?: Partial<CheckInStatus>
}): CheckInStatus {
  const checked = new Set(options.checkedDays ?? [])
  const makeup = new Set(options.makeupDays ?? [])
  const days: CalendarDay[] = daysOfMonth(options.month).map((day) => ({
    day,
    dayOfMonth: Number(day.slice(8)),
    checked: checked.has(day),
    isToday: day === options.today,
    isFuture: day > options.today,
    canMakeUp: makeup.has(day),
  }))
  const first = days[0]?.day ?? `${options.month}-01`
  return {
    today: options.today,
    month: options.month,
    leadingBlankDays: isoWeekdayOf(first) - 1,
    days,
    checkedInToday: checked.has(options.today),
    streak: 2,
    cycleLengthDays: 7,
    nextReward: { inDays: 0, cycleDay: 3, points: 15, growth: 1 },
    todayPoints: 15,
    makeup: { enabled: false, costPoints: 0, remainingThisMonth: 0 },
    ...options.overrides,
  }
}

/** `count` history lines, newest first, numbered from `from`. */
export function historyEntries(count: number, from = 0): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const number = from + index
    return {
      id: `entry-${number}`,
      type: number % 5 === 4 ? 'spend' : 'earn',
      amount: number % 5 === 4 ? -300 : 50,
      title: number % 5 === 4 ? '积分兑换' : '每日签到',
      createdAtMs: Date.UTC(2026, 4, 1, 1, 30) - number * 60_000,
      earningLines: null,
    }
  })
}

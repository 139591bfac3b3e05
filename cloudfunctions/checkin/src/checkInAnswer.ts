import type { CheckInResult } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import type { CheckInDecision } from '@shared/member'
import type { DayKey } from '@shared/time/calendarDay'

/** What a check-in or a makeup answers: the day checked, the streak it reached, its reward and the balance after. */
export function checkInAnswer(day: DayKey, decided: CheckInDecision, nowMs: number): CheckInResult {
  return {
    day,
    streak: decided.cycleDay,
    points: decided.points,
    growth: decided.growth,
    balance: usableBalance(decided.member.points, nowMs),
    upgradedTo: decided.upgradedTo,
  }
}

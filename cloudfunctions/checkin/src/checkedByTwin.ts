import { type Err, err } from '@shared/result'
import type { DayKey } from '@shared/time/calendarDay'
import type { Database } from '../../common/cloud'
import { loadMember } from '../../common/requireMember'

/**
 * For a check-in or makeup whose unit of work failed on a taken ledger id: ALREADY_CHECKED_IN when
 * the member's record now holds the day, which means a concurrent twin checked it first (what the
 * twin would have answered had it come second); null otherwise, so the failure stays a failure.
 * One request, only on that path.
 */
export async function checkedByTwin(
  db: Database,
  memberId: string,
  day: DayKey,
): Promise<Err<'ALREADY_CHECKED_IN'> | null> {
  const member = await loadMember(db, memberId)
  return member.ok && member.data.checkIn.recentDays.includes(day) ? err('ALREADY_CHECKED_IN') : null
}

import { lookupWindowOf, NUMERIC_CODE_LOOKUPS_PER_MINUTE } from '@shared/codes'
import type { Database } from '../../common/cloud'

/**
 * Takes one of the caller's numeric-code lookups for this minute, false when they are used up. The
 * count lives on the staff document (`numericLookups: { windowMs, count }`) and moves only by
 * conditional updates, each atomic in the database, so parallel lookups can't all slip under the
 * limit: first "same minute and under the limit: count + 1", else "another minute (or none yet):
 * start this one at 1". Requests: 1, or 2 at the start of a minute or at the limit.
 */
export async function takeNumericLookup(db: Database, openid: string, nowMs: number): Promise<boolean> {
  const _ = db.command
  const windowMs = lookupWindowOf(nowMs)
  const staff = db.collection('staff')
  const counted = await staff
    .where({
      _id: openid,
      'numericLookups.windowMs': windowMs,
      'numericLookups.count': _.lt(NUMERIC_CODE_LOOKUPS_PER_MINUTE),
    })
    .update({ data: { 'numericLookups.count': _.inc(1) } })
  if (counted.stats.updated === 1) return true
  const started = await staff
    .where({ _id: openid, 'numericLookups.windowMs': _.neq(windowMs) })
    .update({ data: { numericLookups: { windowMs, count: 1 } } })
  return started.stats.updated === 1
}

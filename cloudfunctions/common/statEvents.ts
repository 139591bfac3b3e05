import type { StatDelta } from '@shared/stats/figures'
import type { StatAttribution, StatEvent } from '@shared/stats/statEvent'
import type { Database } from './cloud'

/**
 * Adds a stat event outside a unit of work, for an effect made by one conditional update (a coupon
 * verified, a gift handed over), under an id derived from that effect, beside the effect's audit
 * entry: only the update's winner gets here, once. Like the audit entry, it is lost if the invocation
 * dies between the update and this write; moving those actions into a unit of work would close that.
 */
export async function addStatEvent(
  db: Database,
  event: { readonly id: string; readonly attribution: StatAttribution; readonly delta: StatDelta },
): Promise<void> {
  const document: StatEvent = { _id: event.id, ...event.attribution, delta: event.delta }
  await db.collection('stat_events').add({ data: { ...document } })
}

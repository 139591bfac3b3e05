import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import { type DueReminder, planReminders, type TemplateKey } from '@shared/messages'
import type { Database } from '../../common/cloud'
import { subscriptionIdOf } from '../../common/documents/messages'
import { isSentOrSending, type MessageOnce, recordNotSubscribed, sendOnce } from '../../common/subscribeMessages'
import { documentsByIds } from './documentsByIds'

/** Members whose reminders are delivered at once: their messages spend different opt-ins. */
const DELIVERY_PARALLELISM = 10

/** A member's reminders of one template, due now. */
export interface ReminderTarget {
  readonly memberId: string
  readonly openid: string
  readonly due: readonly DueReminder[]
}

/** What the delivery to one member did: messages sent (effects), points they were about, not subscribed (skipped). */
type Delivered = Pick<JobSummary, 'affected' | 'effects' | 'points' | 'skipped'>

async function deliverTo(
  db: Database,
  target: ReminderTarget,
  plan: ReturnType<typeof planReminders>,
  options: { readonly nowMs: number; readonly recorded: ReadonlySet<string> },
): Promise<Delivered> {
  const onceOf = (reminder: DueReminder): MessageOnce => ({
    key: reminder.key,
    memberId: target.memberId,
    touser: target.openid,
    message: reminder.message,
  })
  let effects = 0
  let points = 0
  let skipped = plan.notSubscribed.length
  // One after the other: each send spends one of the member's opt-ins, read fresh by its claim.
  for (const reminder of plan.send) {
    const outcome = await sendOnce(db, onceOf(reminder), options.nowMs)
    if (outcome === 'sent') {
      effects += 1
      points += reminder.points
    } else if (outcome === 'notSubscribed') skipped += 1
  }
  const unrecorded = plan.notSubscribed.filter((reminder) => !options.recorded.has(reminder.key))
  await Promise.all(unrecorded.map((reminder) => recordNotSubscribed(db, onceOf(reminder), options.nowMs)))
  return { affected: effects > 0 ? 1 : 0, effects, points, skipped }
}

/**
 * Delivers each target's due reminders of `templateKey`: reads the targets' opt-in counters and the
 * reminders' records in a few queries, so members without an opt-in cost no transaction; sends
 * what the opt-ins cover (each through `sendOnce`, which checks again) and records the rest as not
 * subscribed, once. A dry run counts the same and writes nothing.
 * Requests: 2 queries per 100 targets or reminders, then `sendOnce`'s per message and 1 per new
 * not-subscribed record.
 */
export async function deliverReminders(
  db: Database,
  targets: readonly ReminderTarget[],
  options: { readonly templateKey: TemplateKey; readonly nowMs: number; readonly dryRun: boolean },
): Promise<JobSummary> {
  const { templateKey, nowMs, dryRun } = options
  const withDue = targets.filter((target) => target.due.length > 0)
  const [counters, records] = await Promise.all([
    documentsByIds(
      db,
      'subscriptions',
      withDue.map((target) => subscriptionIdOf(target.memberId, templateKey)),
      { count: db.command.gt(0) },
    ),
    documentsByIds(
      db,
      'reminders',
      withDue.flatMap((target) => target.due.map((reminder) => reminder.key)),
    ),
  ])
  const optIns = new Map(counters.map((counter) => [counter.memberId, counter.count]))
  const recordByKey = new Map(records.map((record) => [record._id, record]))
  const alreadySent = (key: string) => isSentOrSending(recordByKey.get(key))
  const recorded = new Set(recordByKey.keys())
  let summary: JobSummary = EMPTY_JOB_SUMMARY
  for (let start = 0; start < withDue.length; start += DELIVERY_PARALLELISM) {
    const slice = withDue.slice(start, start + DELIVERY_PARALLELISM)
    const delivered = await Promise.all(
      slice.map((target) => {
        const plan = planReminders(target.due, { optIns: optIns.get(target.memberId) ?? 0, alreadySent })
        if (dryRun) {
          const points = plan.send.reduce((sum, reminder) => sum + reminder.points, 0)
          const effects = plan.send.length
          return { affected: effects > 0 ? 1 : 0, effects, points, skipped: plan.notSubscribed.length }
        }
        return deliverTo(db, target, plan, { nowMs, recorded })
      }),
    )
    for (const outcome of delivered) {
      summary = {
        ...summary,
        affected: summary.affected + outcome.affected,
        effects: summary.effects + outcome.effects,
        points: summary.points + outcome.points,
        skipped: summary.skipped + outcome.skipped,
      }
    }
  }
  return summary
}

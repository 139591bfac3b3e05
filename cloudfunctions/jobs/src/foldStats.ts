import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { type DailyStats, dailyStatsIdOf } from '@shared/stats/dailyStats'
import { addFigures, ZERO_FIGURES } from '@shared/stats/figures'
import type { StatEvent } from '@shared/stats/statEvent'
import { businessDayOf } from '@shared/time/businessDay'
import type { DayKey } from '@shared/time/calendarDay'
import type { Database } from '../../common/cloud'
import { runUnitOfWork } from '../../common/unitOfWork'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

/** Stat events read per batch. */
export const STAT_FOLD_BATCH_SIZE = 400
/** Events folded per transaction: each is read and removed in it, beside the day's document. */
const STAT_FOLD_GROUP_MAX = 40
/** Days and stores folded at once: their transactions touch different documents. */
const STAT_FOLD_PARALLELISM = 5

interface FoldGroup {
  readonly day: DayKey
  readonly storeId: string | null
  readonly eventIds: readonly string[]
}

/** The batch's events by the day and store they count for, in groups of at most STAT_FOLD_GROUP_MAX. */
function groupsOf(events: readonly StatEvent[], programme: Programme): FoldGroup[] {
  const rule = businessDayRuleOf(programme)
  const byKey = new Map<string, { day: DayKey; storeId: string | null; eventIds: string[] }>()
  for (const event of events) {
    const day = businessDayOf(event.atMs, rule)
    const key = dailyStatsIdOf(day, event.storeId)
    const group = byKey.get(key) ?? { day, storeId: event.storeId, eventIds: [] }
    group.eventIds.push(event._id)
    byKey.set(key, group)
  }
  return [...byKey.values()].flatMap((group) => {
    const groups: FoldGroup[] = []
    for (let start = 0; start < group.eventIds.length; start += STAT_FOLD_GROUP_MAX) {
      groups.push({ ...group, eventIds: group.eventIds.slice(start, start + STAT_FOLD_GROUP_MAX) })
    }
    return groups
  })
}

/**
 * Folds a group's events into their day's document and removes them, in one transaction: each event
 * is read in it, so one a concurrent fold already took is skipped, and none counts twice or never.
 * Answers how many it folded.
 */
function foldGroup(db: Database, group: FoldGroup): Promise<number> {
  const id = dailyStatsIdOf(group.day, group.storeId)
  return runUnitOfWork(db, async (unit) => {
    const [daily, ...events] = await Promise.all([
      unit.read('stats_daily', id),
      ...group.eventIds.map((eventId) => unit.read('stat_events', eventId)),
    ])
    const present = events.filter((event): event is StatEvent => event !== null)
    if (present.length === 0) return 0
    const before = daily as DailyStats | null
    const folded: DailyStats = {
      _id: id,
      day: group.day,
      storeId: group.storeId,
      figures: present.reduce((figures, event) => addFigures(figures, event.delta), before?.figures ?? ZERO_FIGURES),
      events: (before?.events ?? 0) + present.length,
    }
    unit.replace('stats_daily', folded)
    for (const event of present) unit.remove('stat_events', event._id)
    return present.length
  })
}

/**
 * The next batch of `foldStats`: stat events (written by every unit of work that moves a figure, see
 * `StatEvent`) folded into `stats_daily`, the documents the dashboard reads, a day and store at a
 * time. Folded events are removed, so each batch reads from the start; the cursor only carries a dry
 * run, which counts what it would fold. Every trigger (10 minutes): the dashboard's figures are at
 * most one trigger behind. Requests: 1 for the batch, and per group of up to 40 events: start, the
 * day and the events, the day and the removals, commit.
 */
export const foldStatsBatch: JobBatch = async (db, options) => {
  const { cursor, programme, dryRun } = options
  const _ = db.command
  const events = db.collection('stat_events')
  const { data } = await (dryRun ? events.where({ _id: _.gt(cursor ?? '') }) : events)
    .orderBy('_id', 'asc')
    .limit(STAT_FOLD_BATCH_SIZE)
    .get()
  const batch = data as StatEvent[]
  const groups = groupsOf(batch, programme)
  const folded = dryRun
    ? groups.map((group) => group.eventIds.length)
    : await mapInSlices(groups, STAT_FOLD_PARALLELISM, (group) => foldGroup(db, group))
  const total = folded.reduce((sum, count) => sum + count, 0)
  return {
    cursor: dryRun ? (batch.at(-1)?._id ?? cursor) : null,
    done: batch.length < STAT_FOLD_BATCH_SIZE,
    summary: {
      ...EMPTY_JOB_SUMMARY,
      scanned: batch.length,
      affected: groups.filter((_group, index) => (folded[index] ?? 0) > 0).length,
      effects: total,
      skipped: batch.length - total,
    },
  }
}

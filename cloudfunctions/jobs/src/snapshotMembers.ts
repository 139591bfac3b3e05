import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import type { Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import {
  addScopedFigures,
  CHAIN_SCOPE,
  type MemberSnapshot,
  memberSnapshotIdOf,
  type SnapshotFigures,
  scopedFiguresOf,
  ZERO_SNAPSHOT_FIGURES,
} from '@shared/stats/memberSnapshot'
import type { RfmThresholds } from '@shared/stats/rfm'
import { businessDayOf, startOfBusinessDayMs } from '@shared/time/businessDay'
import { addDays, type DayKey } from '@shared/time/calendarDay'
import type { Database } from '../../common/cloud'
import type { SnapshotPartDocument } from '../../common/documents/stats'
import { readDocument } from '../../common/readDocument'
import { readRfmThresholds } from '../../common/rfmSettings'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

/** Members read per batch: the most one query answers on the server; a batch only reads them and writes one part. */
export const SNAPSHOT_BATCH_SIZE = 1000
/** Parts read per query when folding, and snapshots written at once. */
const PART_PAGE_SIZE = 1000
const WRITE_PARALLELISM = 10

/** The run's day: the business day the run works in, the day its snapshot closes and the instant it counts as of. */
interface SnapshotDay {
  readonly day: DayKey
  readonly asOfMs: number
}

/**
 * A run in business day D counts the members as D began, so its snapshot is the close of D − 1:
 * the dashboard's range ending on a day reads that day's close. The instant is the run's period's
 * (not the invocation's), so every batch of the run counts as of the same one.
 */
function snapshotDayOf(options: Parameters<JobBatch>[1]): SnapshotDay {
  const rule = businessDayRuleOf(options.programme)
  const runDay = businessDayOf(options.nowMs, rule)
  return { day: addDays(runDay, -1), asOfMs: startOfBusinessDayMs(runDay, rule) }
}

const partIdOf = (day: DayKey, afterId: string | null) => `${day}_${afterId ?? ''}`

/** The run's thresholds: read from the settings by the first batch, from its part by the others. */
async function thresholdsOf(db: Database, day: DayKey, cursor: string | null): Promise<RfmThresholds> {
  if (cursor === null) return readRfmThresholds(db)
  const first = await readDocument(db.collection('stats_snapshot_parts').doc(partIdOf(day, null)))
  return first?.thresholds ?? readRfmThresholds(db)
}

/** The day's parts, page by page, summed. */
async function foldParts(db: Database, day: DayKey): Promise<Map<string, SnapshotFigures>> {
  let sum = new Map<string, SnapshotFigures>()
  for (let read = 0; ; ) {
    const { data } = await db
      .collection('stats_snapshot_parts')
      .where({ day })
      .orderBy('_id', 'asc')
      .skip(read)
      .limit(PART_PAGE_SIZE)
      .get()
    const parts = data as SnapshotPartDocument[]
    for (const part of parts) {
      sum = addScopedFigures(sum, new Map(part.scopes.map((scope) => [scope.storeId, scope.figures])))
    }
    read += parts.length
    if (parts.length < PART_PAGE_SIZE) return sum
  }
}

/**
 * Writes the day's snapshots from its parts, each replaced whole: folding again (the invocation died
 * before the run was marked done) writes the same documents. Answers how many it wrote.
 */
async function writeSnapshots(db: Database, day: SnapshotDay, thresholds: RfmThresholds): Promise<number> {
  const scoped = await foldParts(db, day.day)
  // A chain without members still gets its (empty) snapshot: the dashboard shows zeros, not "none yet".
  if (!scoped.has(CHAIN_SCOPE)) scoped.set(CHAIN_SCOPE, ZERO_SNAPSHOT_FIGURES)
  const snapshots: MemberSnapshot[] = [...scoped].map(([storeId, figures]) => ({
    _id: memberSnapshotIdOf(day.day, storeId),
    day: day.day,
    storeId,
    asOfMs: day.asOfMs,
    thresholds,
    figures,
  }))
  await mapInSlices(snapshots, WRITE_PARALLELISM, ({ _id, ...snapshot }) =>
    db.collection('stats_snapshots').doc(_id).set({ data: snapshot }),
  )
  return snapshots.length
}

/**
 * The next batch of `snapshotMembers` (once a business day): the figures the dashboard can't count as
 * events happen (members, active members, points outstanding, 复购率, members per tier, RFM groups),
 * per store the members joined at and for the chain, into `stats_snapshots/{day}_{storeId}`.
 *
 * Resumable without counting a member twice: each batch writes its sums as a part keyed by the cursor
 * it started after (`SnapshotPartDocument`), so a batch done again replaces its part, and the last
 * batch folds the day's parts into the snapshots, replacing them. The first batch clears earlier
 * days' parts. Requests: the member page and the thresholds at once, the part (2 round trips); the
 * last batch also reads the parts (1 per 1,000) and writes a snapshot per store and the chain.
 * A dry run reads the members and counts them, writing nothing.
 */
export const snapshotMembersBatch: JobBatch = async (db, options) => {
  const { cursor, dryRun } = options
  const day = snapshotDayOf(options)
  const _ = db.command
  const [page, thresholds] = await Promise.all([
    db
      .collection('members')
      .where({ _id: _.gt(cursor ?? '') })
      .orderBy('_id', 'asc')
      .limit(SNAPSHOT_BATCH_SIZE)
      .get(),
    thresholdsOf(db, day.day, cursor),
  ])
  const members = page.data as Member[]
  const done = members.length < SNAPSHOT_BATCH_SIZE
  const next = members.at(-1)?._id ?? cursor
  const summary = { ...EMPTY_JOB_SUMMARY, scanned: members.length, affected: members.length }
  if (dryRun) return { cursor: next, done, summary }

  const scoped = scopedFiguresOf(members, { asOfMs: day.asOfMs, timeZone: options.programme.timeZone, thresholds })
  const part: Omit<SnapshotPartDocument, '_id'> = {
    day: day.day,
    afterId: cursor ?? '',
    lastId: next ?? '',
    thresholds,
    scopes: [...scoped].map(([storeId, figures]) => ({ storeId, figures })),
  }
  await Promise.all([
    db.collection('stats_snapshot_parts').doc(partIdOf(day.day, cursor)).set({ data: part }),
    cursor === null
      ? db
          .collection('stats_snapshot_parts')
          .where({ day: _.lt(day.day) })
          .remove()
      : null,
  ])
  const written = done ? await writeSnapshots(db, day, thresholds) : 0
  return { cursor: next, done, summary: { ...summary, effects: written } }
}

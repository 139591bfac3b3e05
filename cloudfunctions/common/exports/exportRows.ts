/**
 * An export's next batch of rows after its cursor, as CSV lines: members in id order, ledger entries in time
 * then id order (so equal times never skip or repeat a row). Each batch is one bounded, indexed query, plus the
 * lookups its rows need (store names; for one store's ledger, whose entries name no store, their members).
 */
import { LEDGER_COLUMNS, MEMBER_COLUMNS, rowLines } from '@shared/exports'
import type { LedgerEntry, Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../cloud'
import type { ExportCursor, ExportDocument } from '../documents/exports'
import { storeNamesOf } from '../storeNames'

/** Rows one batch reads at most: one server-side get. */
export const EXPORT_BATCH_ROWS = 1000
/** Member ids one `_.in` names, for one store's ledger. */
const MEMBER_IDS_PER_QUERY = 100

/** What a batch read: its lines, how many rows, where it stopped, and whether that was the last row. */
export interface ExportBatch {
  readonly lines: string
  readonly count: number
  readonly cursor: ExportCursor | null
  readonly done: boolean
}

function contextOf(exported: ExportDocument, programme: Programme, storeNames: Readonly<Record<string, string>>) {
  return { programme, storeNames, maskPhones: exported.phonesMasked, asOfMs: exported.requestedAtMs }
}

async function memberBatch(db: Database, exported: ExportDocument, programme: Programme): Promise<ExportBatch> {
  const _ = db.command
  const { data } = await db
    .collection('members')
    .where({
      ...(exported.storeId === null ? {} : { joinedStoreId: exported.storeId }),
      ...(exported.fromMs === null ? {} : { joinedAtMs: _.gte(exported.fromMs).and(_.lt(exported.toMs)) }),
      ...(exported.cursor === null ? {} : { _id: _.gt(exported.cursor.id) }),
    })
    .orderBy('_id', 'asc')
    .limit(EXPORT_BATCH_ROWS)
    .get()
  const storeNames = await storeNamesOf(
    db,
    data.flatMap((member) => (member.joinedStoreId === null ? [] : [member.joinedStoreId])),
  )
  const last = data.at(-1)
  return {
    lines: rowLines(MEMBER_COLUMNS, data, contextOf(exported, programme, storeNames)),
    count: data.length,
    cursor: last ? { atMs: null, id: last._id } : exported.cursor,
    done: data.length < EXPORT_BATCH_ROWS,
  }
}

/** The ids among `memberIds` of members who joined `storeId`. */
async function membersOfStore(db: Database, memberIds: readonly string[], storeId: string): Promise<Set<string>> {
  const unique = [...new Set(memberIds)]
  const slices: string[][] = []
  for (let start = 0; start < unique.length; start += MEMBER_IDS_PER_QUERY)
    slices.push(unique.slice(start, start + MEMBER_IDS_PER_QUERY))
  const answers = await Promise.all(
    slices.map((ids) =>
      db
        .collection('members')
        .where({ _id: db.command.in(ids), joinedStoreId: storeId })
        .field({ _id: true })
        .limit(ids.length)
        .get(),
    ),
  )
  return new Set(answers.flatMap(({ data }) => data.map((member: Pick<Member, '_id'>) => member._id)))
}

async function ledgerBatch(db: Database, exported: ExportDocument, programme: Programme): Promise<ExportBatch> {
  const _ = db.command
  const inRange = { createdAtMs: _.gte(exported.fromMs).and(_.lt(exported.toMs)) }
  const after = exported.cursor
  const where =
    after === null
      ? inRange
      : _.and([inRange, _.or([{ createdAtMs: _.gt(after.atMs) }, { createdAtMs: after.atMs, _id: _.gt(after.id) }])])
  const { data } = await db
    .collection('ledger')
    .where(where)
    .orderBy('createdAtMs', 'asc')
    .orderBy('_id', 'asc')
    .limit(EXPORT_BATCH_ROWS)
    .get()
  let rows: readonly LedgerEntry[] = data
  if (exported.storeId !== null) {
    const members = await membersOfStore(
      db,
      data.map((entry) => entry.memberId),
      exported.storeId,
    )
    rows = data.filter((entry) => members.has(entry.memberId))
  }
  const last = data.at(-1)
  return {
    lines: rowLines(LEDGER_COLUMNS, rows, contextOf(exported, programme, {})),
    count: rows.length,
    cursor: last ? { atMs: last.createdAtMs, id: last._id } : exported.cursor,
    done: data.length < EXPORT_BATCH_ROWS,
  }
}

/** The batch after the export's cursor. */
export function nextBatch(db: Database, exported: ExportDocument, programme: Programme): Promise<ExportBatch> {
  return exported.kind === 'members' ? memberBatch(db, exported, programme) : ledgerBatch(db, exported, programme)
}

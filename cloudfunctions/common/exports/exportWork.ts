/**
 * Working on an export: batch after batch of rows, each written as its own part in storage, then the parts joined
 * into the file. Storage has no append, and rewriting one growing file each batch would move the whole file every
 * time (quadratic in its size); a part per batch writes each row once, and joining reads each part once. Parts
 * keep the database out of it: a CSV chunk is not data, and the bucket is where the file ends up anyway.
 *
 * Exactly once, whatever stops where: only the invocation holding the export's lease works on it (the lease moves
 * by conditional updates, and outlives any invocation, so a live holder never loses it); a part is written under
 * its number, then recorded by an update conditional on the parts recorded so far, together with the cursor after
 * its rows. An invocation killed between the two leaves a part nobody recorded, which the next holder writes again
 * from the same cursor. Joining reads only recorded parts; an export whose rows fit one batch skips parts and
 * writes its file at once.
 */
import { randomBytes } from 'node:crypto'
import { headerLine, LEDGER_COLUMNS, MEMBER_COLUMNS, UTF8_BOM } from '@shared/exports'
import type { Programme } from '@shared/programme/schema'
import type { Database } from '../cloud'
import type { ExportDocument } from '../documents/exports'
import { readDocument } from '../readDocument'
import { bucketFileIdOf, deleteFiles, downloadBytes, uploadBytes } from '../storage'
import { nextBatch } from './exportRows'

/** How long a lease lasts: longer than any invocation lives (CloudBase stops the jobs function at 60 s). */
export const EXPORT_LEASE_MS = 70_000
/** Parts downloaded at once when joining them. */
const JOIN_PARALLELISM = 10
/** Files one `deleteFile` call takes. */
const DELETE_BATCH = 50

/** Where an export's files go: a folder named by its id and a random token, so nobody guesses a file's path. */
export function exportFolderOf(exported: Pick<ExportDocument, '_id' | 'token'>): string {
  return `exports/${exported._id}-${exported.token}`
}

function partPathOf(exported: ExportDocument, part: number): string {
  return `${exportFolderOf(exported)}/part-${part}.csv`
}

function filePathOf(exported: ExportDocument): string {
  return `${exportFolderOf(exported)}/${exported.kind}.csv`
}

function headerOf(exported: ExportDocument): string {
  return UTF8_BOM + headerLine(exported.kind === 'members' ? MEMBER_COLUMNS : LEDGER_COLUMNS)
}

/** What a stretch of work ended with: the export as it stands, and whether this invocation may go on with it. */
export type WorkOutcome =
  | { readonly kind: 'done'; readonly exported: ExportDocument }
  | { readonly kind: 'continuing'; readonly exported: ExportDocument }
  /** Another invocation holds it (or took it over): nothing was written. */
  | { readonly kind: 'leased'; readonly exported: ExportDocument }

/** A name for this invocation as a lease holder: random, so two never share one. */
function newHolder(): string {
  return randomBytes(9).toString('base64url')
}

/**
 * Takes the export's lease when nobody holds it (or the holder's has lapsed). A done export needs none: it is
 * answered as it is. Requests: 2 (the conditional update, then the export as it now stands).
 */
async function takeLease(db: Database, id: string, holder: string, nowMs: number): Promise<ExportDocument | null> {
  const _ = db.command
  await db
    .collection('exports')
    .where({ _id: id, status: 'running', leaseUntilMs: _.lte(nowMs) })
    .update({ data: { holder, leaseUntilMs: nowMs + EXPORT_LEASE_MS } })
  return readDocument(db.collection('exports').doc(id))
}

/**
 * Records what a step did, conditional on still holding the lease and on the parts recorded as read: the one
 * write that makes a step count. Answers the export as recorded, or null when the step must not count.
 */
async function record(
  db: Database,
  exported: ExportDocument,
  changes: Partial<ExportDocument>,
  nowMs: number,
): Promise<ExportDocument | null> {
  const { stats } = await db
    .collection('exports')
    .where({ _id: exported._id, holder: exported.holder, parts: exported.parts, status: 'running' })
    .update({ data: { ...changes, leaseUntilMs: nowMs + EXPORT_LEASE_MS } })
  return stats.updated === 1 ? { ...exported, ...changes, leaseUntilMs: nowMs + EXPORT_LEASE_MS } : null
}

/**
 * One step: the next batch as a part (or, for an export whose rows all fit the first batch, as the file itself).
 * Requests: the batch's reads (1–2, more for one store's ledger), the upload (2), the record (1).
 */
async function writeBatch(db: Database, exported: ExportDocument, programme: Programme, nowMs: number) {
  const batch = await nextBatch(db, exported, programme)
  const first = exported.parts === 0
  const text = (first ? headerOf(exported) : '') + batch.lines
  if (first && batch.done) {
    const fileId = await uploadBytes(filePathOf(exported), Buffer.from(text, 'utf8'))
    return record(
      db,
      exported,
      {
        status: 'done',
        rows: batch.count,
        cursor: batch.cursor,
        rowsDone: true,
        fileId,
        finishedAtMs: nowMs,
        partsLeft: false,
      },
      nowMs,
    )
  }
  await uploadBytes(partPathOf(exported, exported.parts), Buffer.from(text, 'utf8'))
  return record(
    db,
    exported,
    { parts: exported.parts + 1, rows: exported.rows + batch.count, cursor: batch.cursor, rowsDone: batch.done },
    nowMs,
  )
}

/** The recorded parts' bytes, in order, downloaded `JOIN_PARALLELISM` at a time. Two requests per part. */
async function partsOf(exported: ExportDocument): Promise<Buffer[]> {
  const fileIds = Array.from({ length: exported.parts }, (_unused, part) => bucketFileIdOf(partPathOf(exported, part)))
  const parts: Buffer[] = []
  for (let start = 0; start < fileIds.length; start += JOIN_PARALLELISM) {
    parts.push(...(await Promise.all(fileIds.slice(start, start + JOIN_PARALLELISM).map(downloadBytes))))
  }
  return parts
}

/**
 * Joins the recorded parts into the file and marks the export done. Doing it again (an invocation killed after the
 * upload) writes the same file. Requests: 2 per part, the upload (2), the record (1).
 */
async function joinParts(db: Database, exported: ExportDocument, nowMs: number) {
  const fileId = await uploadBytes(filePathOf(exported), Buffer.concat(await partsOf(exported)))
  return record(db, exported, { status: 'done', fileId, finishedAtMs: nowMs }, nowMs)
}

/**
 * Deletes a done export's parts and says so: after the file is recorded, so a part is never missing while it may
 * still be joined. A part already gone counts as deleted. Requests: 1 per 50 parts, and the record (1).
 */
export async function deleteParts(db: Database, exported: ExportDocument): Promise<void> {
  const fileIds = Array.from({ length: exported.parts }, (_unused, part) => bucketFileIdOf(partPathOf(exported, part)))
  for (let start = 0; start < fileIds.length; start += DELETE_BATCH) {
    await deleteFiles(fileIds.slice(start, start + DELETE_BATCH))
  }
  await db
    .collection('exports')
    .where({ _id: exported._id, status: 'done' })
    .update({ data: { partsLeft: false } })
}

export interface WorkOptions {
  readonly programme: Programme
  /** The clock: simulated in tests, so leases lapse when the test says. */
  readonly now: () => number
  /** How long this invocation may go on: no step is started that the slowest so far says would not fit. */
  readonly budgetMs: number
}

/**
 * Works on an export for at most `budgetMs`: takes its lease, writes batch after batch, joins the parts once every
 * row is in one, deletes them, and lets go of the lease when it stops short. A killed invocation loses at most
 * its last step, which the next holder does again.
 */
export async function workOnExport(db: Database, exportId: string, options: WorkOptions): Promise<WorkOutcome | null> {
  const startedAtMs = options.now()
  let slowestStepMs = 0
  const holder = newHolder()
  const current = await takeLease(db, exportId, holder, options.now())
  if (current === null) return null
  if (current.status === 'done') {
    if (current.partsLeft) await deleteParts(db, current)
    return { kind: 'done', exported: { ...current, partsLeft: false } }
  }
  if (current.holder !== holder) return { kind: 'leased', exported: current }
  let exported: ExportDocument = current
  for (;;) {
    const stepStartedMs = options.now()
    const next = exported.rowsDone
      ? await joinParts(db, exported, options.now())
      : await writeBatch(db, exported, options.programme, options.now())
    if (next === null) return { kind: 'leased', exported }
    exported = next
    slowestStepMs = Math.max(slowestStepMs, options.now() - stepStartedMs)
    if (exported.status === 'done') {
      if (exported.parts > 0) await deleteParts(db, exported)
      return { kind: 'done', exported: { ...exported, partsLeft: false } }
    }
    if (options.now() - startedAtMs + slowestStepMs >= options.budgetMs) {
      await db
        .collection('exports')
        .where({ _id: exported._id, holder })
        .update({ data: { leaseUntilMs: options.now() } })
      return { kind: 'continuing', exported }
    }
  }
}

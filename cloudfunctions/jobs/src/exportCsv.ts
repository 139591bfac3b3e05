import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import type { Database } from '../../common/cloud'
import type { ExportDocument } from '../../common/documents/exports'
import { workOnExport } from '../../common/exports/exportWork'
import { deleteFiles } from '../../common/storage'
import type { JobBatch } from './jobBatch'

/**
 * How long a done export's file is kept: a week to download it, then it is deleted with its record (its audit
 * entry stays), so members' data does not pile up in the bucket.
 */
export const EXPORT_KEPT_MS = 7 * 24 * 60 * 60 * 1000

/**
 * How long one batch works on one export: a fraction of the invocation's budget, so the exports after it get a
 * turn in the same invocation (the next batch comes back to an unfinished one), and short enough that a batch
 * started late in the invocation (the job runs after the others) mostly ends before the function's 60 s. One that
 * does not is killed, which costs a step done again.
 */
export const EXPORT_JOB_STRETCH_MS = 10_000

/** Deletes an expired export's file, then its record (a file already gone counts as deleted). Requests: 2. */
async function removeExpired(db: Database, exported: ExportDocument): Promise<JobSummary> {
  if (exported.fileId !== null) await deleteFiles([exported.fileId])
  await db.collection('exports').where({ _id: exported._id, status: 'done' }).remove()
  return { ...EMPTY_JOB_SUMMARY, scanned: 1, affected: 1, effects: 1 }
}

/**
 * The next batch of `exportCsv` after `cursor`: the first export (in id order) with work left (rows to write,
 * parts to join or delete), worked on for a stretch under its lease (see `workOnExport`), or done a week ago
 * (`EXPORT_KEPT_MS`: its file and record deleted). One still unfinished
 * keeps the cursor before it, so the next batch goes on with it; one another invocation holds (the page
 * continuing it) is left to that one. Every trigger, so an export nobody continues is done within minutes. A dry
 * run counts the exports with work left and writes nothing. Requests: 1 for the batch, then the export's steps.
 */
export const exportCsvBatch: JobBatch = async (db, options) => {
  const { cursor, programme, dryRun, nowMs } = options
  const _ = db.command
  const { data } = await db
    .collection('exports')
    .where(
      _.and([
        _.or([{ partsLeft: true }, { status: 'done', finishedAtMs: _.lte(nowMs - EXPORT_KEPT_MS) }]),
        { _id: _.gt(cursor ?? '') },
      ]),
    )
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  const exported = data[0]
  if (exported === undefined) return { cursor, done: true, summary: EMPTY_JOB_SUMMARY }
  if (dryRun) {
    return { cursor: exported._id, done: false, summary: { ...EMPTY_JOB_SUMMARY, scanned: 1, affected: 1 } }
  }
  if (!exported.partsLeft) return { cursor: exported._id, done: false, summary: await removeExpired(db, exported) }
  const outcome = await workOnExport(db, exported._id, { programme, now: Date.now, budgetMs: EXPORT_JOB_STRETCH_MS })
  const rowsWritten = (outcome?.exported.rows ?? exported.rows) - exported.rows
  const summary = {
    ...EMPTY_JOB_SUMMARY,
    scanned: 1,
    affected: outcome?.kind === 'done' ? 1 : 0,
    effects: rowsWritten,
    skipped: outcome?.kind === 'leased' ? 1 : 0,
  }
  return { cursor: outcome?.kind === 'continuing' ? cursor : exported._id, done: false, summary }
}

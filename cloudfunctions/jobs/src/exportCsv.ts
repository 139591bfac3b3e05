import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import { workOnExport } from '../../common/exports/exportWork'
import type { JobBatch } from './jobBatch'

/**
 * How long one batch works on one export: a fraction of the invocation's budget, so the exports after it get a
 * turn in the same invocation (the next batch comes back to an unfinished one), and short enough that a batch
 * started late in the invocation (the job runs after the others) mostly ends before the function's 60 s. One that
 * does not is killed, which costs a step done again.
 */
export const EXPORT_JOB_STRETCH_MS = 10_000

/**
 * The next batch of `exportCsv` after `cursor`: the first export (in id order) with work left (rows to write,
 * parts to join or delete), worked on for a stretch under its lease (see `workOnExport`). One still unfinished
 * keeps the cursor before it, so the next batch goes on with it; one another invocation holds (the page
 * continuing it) is left to that one. Every trigger, so an export nobody continues is done within minutes. A dry
 * run counts the exports with work left and writes nothing. Requests: 1 for the batch, then the export's steps.
 */
export const exportCsvBatch: JobBatch = async (db, options) => {
  const { cursor, programme, dryRun } = options
  const _ = db.command
  const { data } = await db
    .collection('exports')
    .where({ partsLeft: true, _id: _.gt(cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  const exported = data[0]
  if (exported === undefined) return { cursor, done: true, summary: EMPTY_JOB_SUMMARY }
  if (dryRun) {
    return { cursor: exported._id, done: false, summary: { ...EMPTY_JOB_SUMMARY, scanned: 1, affected: 1 } }
  }
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

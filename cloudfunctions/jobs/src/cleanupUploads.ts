import { EMPTY_JOB_SUMMARY, type JobSummary } from '@shared/jobs'
import type { Database } from '../../common/cloud'
import type { UploadDocument } from '../../common/documents/uploads'
import { deleteFiles } from '../../common/storage'
import { documentsByIds } from './documentsByIds'
import { mapInSlices } from './inSlices'
import type { JobBatch } from './jobBatch'

/** Uploads read per batch: as many files as one `deleteFile` call takes. */
export const UPLOAD_CLEANUP_BATCH_SIZE = 50
/**
 * How long an upload stays pending or replaced before its file is deleted: a day, time enough for an admin to
 * finish the form the picture was picked in, and for catalogue pages loaded before a replacement to go stale.
 */
export const UPLOAD_KEPT_MS = 24 * 60 * 60 * 1000
/** Claims written at once within a batch. */
const CLAIM_PARALLELISM = 10

/** What the batch did with one upload: deleted (or would), kept (its item still shows it), left (taken meanwhile). */
type UploadOutcome = 'deleted' | 'kept' | 'left'

/**
 * Claims an upload for deletion (`deleting`), conditional on it standing as read: a save recording the pending
 * upload since, or putting the picture back, makes it match nothing, and the file stays. A `deleting` one is a
 * claim an earlier run made before it stopped. A replaced picture its item still shows (a save that marked it and
 * stopped before writing the item) is recorded again. Requests: 1, none for a `deleting` one.
 */
async function claim(db: Database, upload: UploadDocument, stillShown: boolean): Promise<UploadOutcome> {
  if (upload.status === 'deleting') return 'deleted'
  const uploads = db.collection('uploads')
  const asRead = { _id: upload._id, status: upload.status, statusAtMs: upload.statusAtMs }
  if (stillShown) {
    await uploads.where(asRead).update({ data: { status: 'recorded' } })
    return 'kept'
  }
  const { stats } = await uploads.where(asRead).update({ data: { status: 'deleting' } })
  return stats.updated === 1 ? 'deleted' : 'left'
}

/** The replaced uploads of a batch whose item still shows their picture. One read, none without replaced ones. */
async function stillShownOf(db: Database, uploads: readonly UploadDocument[]): Promise<ReadonlySet<string>> {
  const replaced = uploads.filter((upload) => upload.status === 'replaced' && upload.itemId !== null)
  if (replaced.length === 0) return new Set()
  const items = await documentsByIds(
    db,
    'mall_items',
    replaced.map((upload) => upload.itemId as string),
  )
  const shown = new Set(items.map((item) => item.image))
  return new Set(replaced.filter((upload) => shown.has(upload.fileId)).map((upload) => upload._id))
}

function summaryOf(outcomes: readonly UploadOutcome[]): JobSummary {
  const deleted = outcomes.filter((outcome) => outcome === 'deleted').length
  return {
    ...EMPTY_JOB_SUMMARY,
    scanned: outcomes.length,
    affected: deleted,
    effects: deleted,
    skipped: outcomes.length - deleted,
  }
}

/**
 * The next batch of `cleanupUploads` after `cursor`: uploads in id order that have been pending (prepared, never
 * saved) or replaced (an item shows another picture) for a day, on the status and time index, each claimed
 * (`claim`), then the claimed files deleted in one call and their records removed. Doing it again is harmless:
 * a file already gone counts as deleted and a claim left by a run that stopped is finished. Recorded uploads are
 * never read. A dry run only counts, with the same reads. Requests: 1 for the batch, 1 for the items of replaced
 * uploads, 1 claim per upload, and the deletion (1) and the removal (1) when any was claimed.
 */
export const cleanupUploadsBatch: JobBatch = async (db, options) => {
  const { cursor, nowMs, dryRun } = options
  const _ = db.command
  const { data } = await db
    .collection('uploads')
    .where({
      status: _.in(['pending', 'replaced', 'deleting']),
      statusAtMs: _.lte(nowMs - UPLOAD_KEPT_MS),
      _id: _.gt(cursor ?? ''),
    })
    .orderBy('_id', 'asc')
    .limit(UPLOAD_CLEANUP_BATCH_SIZE)
    .get()
  const stillShown = await stillShownOf(db, data)
  const outcomes = await mapInSlices(data, CLAIM_PARALLELISM, async (upload) => {
    if (dryRun) return stillShown.has(upload._id) ? 'kept' : 'deleted'
    return claim(db, upload, stillShown.has(upload._id))
  })
  const claimed = data.filter((_upload, index) => outcomes[index] === 'deleted')
  if (!dryRun && claimed.length > 0) {
    await deleteFiles(claimed.map((upload) => upload.fileId))
    await db
      .collection('uploads')
      .where({ _id: _.in(claimed.map((upload) => upload._id)), status: 'deleting' })
      .remove()
  }
  return {
    cursor: data.at(-1)?._id ?? cursor,
    done: data.length < UPLOAD_CLEANUP_BATCH_SIZE,
    summary: summaryOf(outcomes),
  }
}

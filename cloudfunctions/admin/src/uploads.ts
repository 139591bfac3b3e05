import { randomBytes } from 'node:crypto'
import { API, uploadCloudPathOf, uploadIdOf } from '@shared/contracts'
import type { MallItemEdit } from '@shared/mall'
import { err, ok, type Result } from '@shared/result'
import { cloudFolderOf, ITEM_IMAGE_FOLDER } from '@shared/storage'
import { type Database, database } from '../../common/cloud'
import type { MallItemDocument } from '../../common/documents/mall'
import type { UploadDocument } from '../../common/documents/uploads'
import { readDocument } from '../../common/readDocument'
import { requireAdmin } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { bucketFileIdOf, tempUrlsOf } from '../../common/storage'

/**
 * `admin.prepareUpload`: records a pending upload (`uploads/<random id>`) and answers where the client uploads
 * the file (`items/<id>.<type>`). The file counts only once `saveItem` records it on an item; the
 * `cleanupUploads` job deletes it a day later otherwise. A retry prepares another path (the unused one is
 * cleaned up like any other). Admins only. Requests: staff (1), the record (1): 2.
 */
export const prepareUpload = defineAction(API.admin.prepareUpload, async (input, caller) => {
  const db = database()
  const admin = await requireAdmin(db, caller)
  if (!admin.ok) return admin
  const uploadId = randomBytes(16).toString('hex')
  const cloudPath = uploadCloudPathOf(uploadId, input.type)
  const upload: UploadDocument = {
    _id: uploadId,
    purpose: input.purpose,
    cloudPath,
    fileId: bucketFileIdOf(cloudPath),
    openid: admin.data.openid,
    createdAtMs: caller.nowMs,
    status: 'pending',
    statusAtMs: caller.nowMs,
    itemId: null,
  }
  await db.collection('uploads').add({ data: { ...upload } })
  return ok({ uploadId, cloudPath })
})

/** What saving an item does to uploads: the one its new picture records (null: none) and the one it replaces. */
export interface PictureChange {
  readonly recorded: UploadDocument | null
  readonly replacedUploadId: string | null
}

const NO_CHANGE: PictureChange = { recorded: null, replacedUploadId: null }

function refused(problem: string): Result<never, 'INVALID_INPUT'> {
  return err('INVALID_INPUT', `item.image: ${problem}`)
}

/**
 * Checks a new `cloud://` picture without reading anything: under `items/`, named as an upload, in this
 * environment's bucket. Answers the upload id.
 */
function pictureUploadIdOf(image: string): Result<string, 'INVALID_INPUT'> {
  if (cloudFolderOf(image) !== ITEM_IMAGE_FOLDER) return refused('商品图片只能使用上传到 items/ 的图片')
  const uploadId = uploadIdOf(image)
  if (uploadId === null) return refused('图片未经登记，请重新上传')
  const cloudPath = image.slice(image.indexOf(`/${ITEM_IMAGE_FOLDER}/`) + 1)
  if (image !== bucketFileIdOf(cloudPath)) return refused('图片不在本环境的云存储中，请重新上传')
  return ok(uploadId)
}

/**
 * Whether the upload may become this item's picture: prepared for an item picture and not taken by another item
 * or the cleanup job. One already recorded for this item is a retry of a save that recorded it and stopped.
 */
function uploadProblemOf(upload: UploadDocument | null, image: string, itemId: string): string | null {
  if (upload?.purpose !== 'item' || upload.fileId !== image) return '图片未经登记，请重新上传'
  if (upload.status === 'pending') return null
  if (upload.status === 'recorded' && upload.itemId === itemId) return null
  if (upload.status === 'recorded') return '这张图片已用于其他商品，请重新上传'
  return '图片已失效，请重新上传'
}

/**
 * What a save's picture does to uploads, checked before anything is written. A picture equal to the stored one
 * is not checked again (older items may show pictures uploaded before uploads were recorded); an `https://` one
 * stays allowed (an admin's link to their own CDN: nothing of ours to record or clean up). A new `cloud://` one
 * must be a pending upload's file in this environment's bucket, under `items/`, and stored: otherwise
 * INVALID_INPUT naming `item.image`. The stored picture, when it was an upload, is replaced by any change.
 * Requests: none when the picture is unchanged or not `cloud://`; the upload and the file at once (2).
 */
export async function checkedPictureChange(
  db: Database,
  item: MallItemEdit,
  stored: MallItemDocument | null,
): Promise<Result<PictureChange, 'INVALID_INPUT'>> {
  const before = stored?.image ?? null
  if (item.image === before) return ok(NO_CHANGE)
  const replacedUploadId = before === null ? null : uploadIdOf(before)
  if (item.image === null || !item.image.startsWith('cloud://')) return ok({ recorded: null, replacedUploadId })
  const uploadId = pictureUploadIdOf(item.image)
  if (!uploadId.ok) return uploadId
  const [upload, [url]] = await Promise.all([
    readDocument(db.collection('uploads').doc(uploadId.data)),
    tempUrlsOf([item.image]),
  ])
  const problem = uploadProblemOf(upload, item.image, item.id)
  if (problem !== null) return refused(problem)
  if (!url) return refused('图片尚未上传完成或已被删除，请重新上传')
  return ok({ recorded: upload, replacedUploadId })
}

/**
 * Records the new picture's upload on the item, before the item shows it (a save that stops in between leaves a
 * recorded upload the item does not show, never a shown picture the cleanup job would delete). Conditional on
 * the upload still pending: the cleanup job may have claimed it since it was read, and then the save is refused.
 * Requests: 1 for a pending upload, none otherwise.
 */
export async function recordPicture(
  db: Database,
  change: PictureChange,
  itemId: string,
  nowMs: number,
): Promise<Result<null, 'INVALID_INPUT'>> {
  const upload = change.recorded
  if (upload === null || upload.status !== 'pending') return ok(null)
  const { stats } = await db
    .collection('uploads')
    .where({ _id: upload._id, status: 'pending' })
    .update({ data: { status: 'recorded', itemId, statusAtMs: nowMs } })
  return stats.updated === 1 ? ok(null) : refused('图片已失效，请重新上传')
}

/**
 * Marks the picture the item showed before as replaced: garbage, deleted by the cleanup job a day later (a
 * catalogue page loaded before the save may still show it). Made beside the item's write: should that write not
 * happen, the job finds the item still showing the picture and keeps it. Requests: 1 when the item showed an
 * upload, none otherwise.
 */
export async function markReplaced(db: Database, change: PictureChange, itemId: string, nowMs: number) {
  if (change.replacedUploadId === null) return
  await db
    .collection('uploads')
    .where({ _id: change.replacedUploadId, status: 'recorded', itemId })
    .update({ data: { status: 'replaced', statusAtMs: nowMs } })
}

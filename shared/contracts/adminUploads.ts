/**
 * Uploads to cloud storage from the admin console. The bucket's rule cannot check an admin role, so a picture
 * counts only once the `admin` function has checked the caller: `prepareUpload` records where the picture will
 * go (a pending upload), the client uploads there, and saving the item records the file on it. Pending uploads
 * nobody saved, and pictures an item no longer shows, are deleted by the `cleanupUploads` job.
 */
import { z } from 'zod'
import { IMAGE_BYTES_MAX, type ImageType, ITEM_IMAGE_FOLDER } from '../storage/images'

/** What an upload is for: an item picture (the only kind the console uploads). */
export const UPLOAD_PURPOSES = ['item'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

/** An upload's id: also its file name, so it is random and URL-safe. */
export const UPLOAD_ID_PATTERN = /^[a-f0-9]{32}$/

export const prepareUploadInput = z
  .object({
    purpose: z.enum(UPLOAD_PURPOSES),
    type: z.enum(['png', 'jpeg', 'webp'], '只支持 PNG、JPEG 或 WebP 图片'),
    /** The picked file's size, when the platform says: a larger one is refused before it is uploaded. */
    byteSize: z.number().int().min(1, '图片是空的，请重新选择').max(IMAGE_BYTES_MAX, '图片不能超过 2 MB').optional(),
  })
  .strict()

/** `admin.prepareUpload`: where to upload the file (`Taro.cloud.uploadFile`'s `cloudPath`). */
export interface PreparedUpload {
  readonly uploadId: string
  readonly cloudPath: string
}

/** The cloud path of an upload: `items/<id>.<type>`. */
export function uploadCloudPathOf(uploadId: string, type: ImageType): string {
  return `${ITEM_IMAGE_FOLDER}/${uploadId}.${type}`
}

/** The upload id of an item picture's cloud path or file id (`…/items/<id>.<type>`), or null for any other. */
export function uploadIdOf(pathOrFileId: string): string | null {
  const match = /(?:^|\/)items\/([a-f0-9]{32})\.(?:png|jpeg|webp)$/.exec(pathOrFileId)
  return match?.[1] ?? null
}

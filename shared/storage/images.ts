/** The largest image the app uploads (item pictures): 2 MB, ample for a phone photo compressed by `chooseImage`. */
export const IMAGE_BYTES_MAX = 2 * 1024 * 1024

/** The image types the app accepts, as their file extensions. */
export type ImageType = 'png' | 'jpeg' | 'webp'

/** Where item pictures go in cloud storage; the admin function accepts only file ids under it for items. */
export const ITEM_IMAGE_FOLDER = 'items'

/** Where store QR codes go: written by the `admin` function only, never by clients. */
export const QR_CODE_FOLDER = 'qrcodes'

/**
 * The environment variable that names the environment's storage bucket, which file ids name
 * (`cloud://<env>.<bucket>/<path>`) and wx-server-sdk cannot tell a function: the deploy sets it on every function
 * from the environment's details, the emulator from its own.
 */
export const STORAGE_BUCKET_VARIABLE = 'STORAGE_BUCKET'

/** Where member avatars go (`member.updateProfile`). */
export const AVATAR_FOLDER = 'avatars'

function startsWith(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte)
}

/** The image type the bytes are, by their magic number (never by the file name), or null for anything else. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg'
  // RIFF <size> WEBP
  if (startsWith(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, 8, [0x57, 0x45, 0x42, 0x50])) return 'webp'
  return null
}

/** Why an image is refused, in Chinese, or null: too large or not a PNG, JPEG or WebP. */
export function imageProblemOf(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '图片是空的，请重新选择'
  if (bytes.length > IMAGE_BYTES_MAX) return '图片不能超过 2 MB'
  if (imageTypeOf(bytes) === null) return '只支持 PNG、JPEG 或 WebP 图片'
  return null
}

/** The folder (first segment) of a cloud path (`items/a.png`) or of a `cloud://env.bucket/items/a.png` file id. */
export function cloudFolderOf(pathOrFileId: string): string {
  const path = pathOrFileId.startsWith('cloud://') ? pathOrFileId.replace(/^cloud:\/\/[^/]+\//, '') : pathOrFileId
  return path.split('/')[0] ?? ''
}

/**
 * Whether a client (the mini-program, or the H5 app through the dev server) may upload to a cloud path: item
 * pictures and avatars, not QR codes, which only the `admin` function draws. The bucket's deployed rule cannot
 * check roles, so an item picture counts only once `admin.saveItem` has checked the caller and found the file a
 * pending upload `admin.prepareUpload` recorded; the `cleanupUploads` job deletes the ones nobody recorded.
 */
export function clientMayUploadTo(cloudPath: string): boolean {
  const folder = cloudFolderOf(cloudPath)
  return folder === ITEM_IMAGE_FOLDER || folder === AVATAR_FOLDER
}

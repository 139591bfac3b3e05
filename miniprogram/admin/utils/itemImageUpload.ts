import { IMAGE_BYTES_MAX, ITEM_IMAGE_FOLDER } from '@shared/storage'

/** A picture as `chooseImage` hands it over. */
export interface PickedImage {
  readonly path: string
  readonly size: number
  /** The MIME type, where the platform says (H5 does; its paths are `blob:` URLs without an extension). */
  readonly type?: string
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
}

/** The file extension of a picked picture, or null for a type the app does not take. */
function extensionOf(image: PickedImage): string | null {
  const fromPath = /\.(\w{1,5})$/.exec(image.path)?.[1]?.toLowerCase()
  return EXTENSIONS[fromPath ?? ''] ?? EXTENSIONS[image.type ?? ''] ?? null
}

/**
 * Where a picked item picture goes (`items/<random>.<ext>`: random, so uploads never overwrite each other), or the
 * problem in Chinese. The function checks the bytes again on save; this only spares a pointless upload.
 */
export function itemImagePathOf(
  image: PickedImage,
  random: string,
): { ok: true; cloudPath: string } | { ok: false; problem: string } {
  if (image.size > IMAGE_BYTES_MAX) return { ok: false, problem: '图片不能超过 2 MB' }
  const extension = extensionOf(image)
  if (extension === null) return { ok: false, problem: '只支持 PNG、JPEG 或 WebP 图片' }
  return { ok: true, cloudPath: `${ITEM_IMAGE_FOLDER}/${random}.${extension}` }
}

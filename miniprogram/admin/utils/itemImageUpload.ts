import { IMAGE_BYTES_MAX, type ImageType } from '@shared/storage'

/** A picture as `chooseImage` hands it over. */
export interface PickedImage {
  readonly path: string
  readonly size: number
  /** The MIME type, where the platform says (H5 does; its paths are `blob:` URLs without an extension). */
  readonly type?: string
}

const IMAGE_TYPES: Readonly<Record<string, ImageType>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
}

/** The image type of a picked picture, or null for a type the app does not take. */
function imageTypeOfPicked(image: PickedImage): ImageType | null {
  const fromPath = /\.(\w{1,5})$/.exec(image.path)?.[1]?.toLowerCase()
  return IMAGE_TYPES[fromPath ?? ''] ?? IMAGE_TYPES[image.type ?? ''] ?? null
}

/**
 * What `admin.prepareUpload` is asked for a picked item picture (its type and size), or the problem in Chinese.
 * The function answers where to upload it and checks the file again on save; this only spares a pointless call.
 */
export function itemImageUploadOf(
  image: PickedImage,
): { ok: true; type: ImageType; byteSize?: number } | { ok: false; problem: string } {
  if (image.size > IMAGE_BYTES_MAX) return { ok: false, problem: '图片不能超过 2 MB' }
  const type = imageTypeOfPicked(image)
  if (type === null) return { ok: false, problem: '只支持 PNG、JPEG 或 WebP 图片' }
  return image.size > 0 ? { ok: true, type, byteSize: image.size } : { ok: true, type }
}

/**
 * Cloud storage from the mini-program, one module for both builds: in WeChat `Taro.cloud.uploadFile` and
 * `cloud://` images the `<Image>` component loads itself; in the H5 build (local mode) the dev server's upload
 * endpoint and a redirect that turns a `cloud://` file id into a URL the browser can load.
 */
import Taro from '@tarojs/taro'
import { currentIdentityKey } from './localIdentity'

/** The H5 route that redirects a `cloud://` file id to its temporary URL (emulator/devServer/storageRoutes.ts). */
const LOCAL_FILE_ROUTE = '/api/storage/file?fileID='

/** The `src` an `<Image>` takes for an image field: as is in WeChat and for https; through the dev server in H5. */
export function imageSourceOf(image: string): string {
  if (process.env.TARO_ENV === 'h5' && image.startsWith('cloud://')) {
    return `${LOCAL_FILE_ROUTE}${encodeURIComponent(image)}`
  }
  return image
}

async function uploadLocally(cloudPath: string, filePath: string): Promise<string> {
  const picked = await fetch(filePath)
  const response = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-local-identity': currentIdentityKey() },
    body: await picked.arrayBuffer(),
  })
  const body = (await response.json()) as { fileID?: string; errMsg?: string }
  if (!response.ok || !body.fileID) throw new Error(body.errMsg ?? `HTTP ${response.status}`)
  return body.fileID
}

/**
 * Uploads a file the user picked (`chooseImage`'s temporary path) to `cloudPath` and resolves with its `cloud://`
 * file id; rejects with the platform's message when the upload is refused or fails.
 */
export async function uploadPickedFile(cloudPath: string, filePath: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return uploadLocally(cloudPath, filePath)
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath })
  return fileID
}

/**
 * The H5 app's stand-in for `wx.cloud.uploadFile` and for showing `cloud://` images, which a browser cannot load:
 * `POST /api/storage/upload?cloudPath=…` (the raw bytes, the identity switcher's header) and
 * `GET /api/storage/file?fileID=…` (a redirect to a temporary URL). Uploads follow the app's client rules
 * (`clientMayUploadTo`; item pictures 2 MB at most, PNG, JPEG or WebP by their bytes), answered in the shape
 * `wx.cloud.uploadFile` answers. Local mode only, like the rest of the dev server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientMayUploadTo, cloudFolderOf, IMAGE_BYTES_MAX, ITEM_IMAGE_FOLDER, imageProblemOf } from '@shared/storage'
import { cloudPathProblem } from '../storage/paths'

/** What the dev server stores files with: the real SDK in this process, pointed at the local cloud. */
export interface DevServerStorage {
  upload(cloudPath: string, bytes: Buffer): Promise<string>
  /** A temporary URL of a stored file; null when it is not stored. */
  tempUrlOf(fileId: string): Promise<string | null>
}

/** The largest upload body read: the image limit, plus one byte to tell "over the limit" from "at it". */
const UPLOAD_BODY_BYTES_MAX = IMAGE_BYTES_MAX + 1

/** The SDK's storage calls as a `DevServerStorage`. */
export function sdkStorage(sdk: typeof import('wx-server-sdk')): DevServerStorage {
  return {
    async upload(cloudPath, bytes) {
      const result = (await sdk.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
      return result.fileID
    },
    async tempUrlOf(fileId) {
      const result = (await sdk.getTempFileURL({ fileList: [fileId] })) as {
        fileList: { status: number; tempFileURL: string }[]
      }
      const entry = result.fileList[0]
      return entry && entry.status === 0 ? entry.tempFileURL : null
    },
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

async function readUpload(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > UPLOAD_BODY_BYTES_MAX) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Why an upload is refused (status and message), or null. */
function uploadProblem(cloudPath: string, bytes: Buffer | null): { status: number; message: string } | null {
  const pathProblem = cloudPathProblem(cloudPath)
  if (pathProblem !== null) return { status: 400, message: pathProblem }
  if (!clientMayUploadTo(cloudPath)) return { status: 403, message: `clients may not write ${cloudPath}` }
  if (bytes === null) return { status: 413, message: '图片不能超过 2 MB' }
  const imageProblem = cloudFolderOf(cloudPath) === ITEM_IMAGE_FOLDER ? imageProblemOf(bytes) : null
  return imageProblem === null ? null : { status: 400, message: imageProblem }
}

/** `POST /api/storage/upload`: stores the body at `cloudPath` and answers `{ fileID }`. */
export async function uploadRoute(
  storage: DevServerStorage,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  const bytes = await readUpload(request)
  if (bytes === null) request.resume()
  const problem = uploadProblem(cloudPath, bytes)
  if (problem !== null) {
    sendJson(response, problem.status, { errCode: -1, errMsg: `cloud.uploadFile:fail ${problem.message}` })
    return
  }
  const fileID = await storage.upload(cloudPath, bytes as Buffer)
  sendJson(response, 200, { fileID, statusCode: 204, errMsg: 'cloud.uploadFile:ok' })
}

/** `GET /api/storage/file?fileID=…`: a redirect to the file's temporary URL, 404 when it is not stored. */
export async function fileRoute(storage: DevServerStorage, url: URL, response: ServerResponse) {
  const fileId = url.searchParams.get('fileID') ?? ''
  const tempUrl = fileId.startsWith('cloud://') ? await storage.tempUrlOf(fileId) : null
  if (tempUrl === null) {
    sendJson(response, 404, { errMsg: `no stored file ${fileId}` })
    return
  }
  response.writeHead(302, { location: tempUrl, 'cache-control': 'no-store' }).end()
}

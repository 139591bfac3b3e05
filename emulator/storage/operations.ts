/**
 * The `storage.*` actions wx-server-sdk (through @cloudbase/node-sdk) sends to `POST /admin`: one function per
 * action, answering `{ data }` as CloudBase does. An upload is two requests: `storage.getUploadMetadata` answers a
 * signed COS URL, then the SDK PUTs the bytes there (`cosRoutes.ts`). `deleteFile` and `getTempFileURL` are one
 * batch request each; `downloadFile` is `getTempFileURL` followed by a GET of the URL.
 */
import { invalidParam } from '../database/errors'
import { FILE_NOT_EXIST_CODE } from './errors'
import { checkedCloudPath, cloudPathOfFileId, fileIdOf } from './paths'
import type { UrlSigner } from './signing'
import type { FileStore } from './state'

/** How long an upload URL stays valid. */
export const UPLOAD_URL_LIFETIME_MS = 10 * 60 * 1000
/** A temporary URL's lifetime when the caller names none (CloudBase's default: one day). */
export const TEMP_URL_MAX_AGE_DEFAULT_S = 24 * 60 * 60
/** Files one batch request may name (CloudBase: 50). */
export const BATCH_FILES_MAX = 50
/** The route prefix of the COS-like object URLs. */
export const OBJECT_ROUTE_PREFIX = '/cos/'

/** What an operation works on. */
export interface StorageContext {
  readonly files: FileStore
  readonly envId: string
  /** The emulator's base URL, which object URLs start with. */
  readonly baseUrl: string
  readonly nowMs: number
  readonly signer: UrlSigner
}

type StorageRequest = Record<string, unknown>
type StorageOperation = (request: StorageRequest, context: StorageContext) => { data: object }

/** The URL an object is served at: its path as is (the SDK `encodeURI`s a temporary URL before fetching it). */
function objectUrlOf(context: StorageContext, cloudPath: string): string {
  return `${context.baseUrl}${OBJECT_ROUTE_PREFIX}${cloudPath}`
}

/** A GET URL for a stored object, valid until `expiresAtMs`. */
export function downloadUrlOf(context: StorageContext, cloudPath: string, expiresAtMs: number): string {
  const signature = context.signer.sign('get', cloudPath, expiresAtMs)
  return `${objectUrlOf(context, cloudPath)}?sign=${signature}&t=${expiresAtMs}`
}

function batchOf(request: StorageRequest, field: string): unknown[] {
  const list = request[field]
  if (!Array.isArray(list) || list.length === 0) throw invalidParam(`${field} must be a non-empty array`)
  if (list.length > BATCH_FILES_MAX) throw invalidParam(`${field} names more than ${BATCH_FILES_MAX} files`)
  return list
}

function getUploadMetadata(request: StorageRequest, context: StorageContext) {
  const cloudPath = checkedCloudPath(request.path)
  const expiresAtMs = context.nowMs + UPLOAD_URL_LIFETIME_MS
  return {
    data: {
      url: encodeURI(objectUrlOf(context, cloudPath)),
      token: String(expiresAtMs),
      authorization: context.signer.sign('put', cloudPath, expiresAtMs),
      fileId: fileIdOf(context.envId, cloudPath),
      cosFileId: `cos-${cloudPath}`,
    },
  }
}

function batchGetDownloadUrl(request: StorageRequest, context: StorageContext) {
  const download_list = batchOf(request, 'file_list').map((entry) => {
    const { fileid, max_age } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown }
    const maxAgeS =
      Number.isSafeInteger(max_age) && (max_age as number) > 0 ? (max_age as number) : TEMP_URL_MAX_AGE_DEFAULT_S
    const cloudPath = cloudPathOfFileId(context.envId, fileid as string)
    if (cloudPath === null || !context.files.get(cloudPath)) {
      return { fileID: fileid, tempFileURL: '', code: FILE_NOT_EXIST_CODE, message: 'file not exist' }
    }
    const tempFileURL = downloadUrlOf(context, cloudPath, context.nowMs + maxAgeS * 1000)
    return { fileID: fileid, tempFileURL, code: 'SUCCESS', maxAge: maxAgeS }
  })
  return { data: { download_list } }
}

function batchDeleteFile(request: StorageRequest, context: StorageContext) {
  const delete_list = batchOf(request, 'fileid_list').map((fileId) => {
    const cloudPath = cloudPathOfFileId(context.envId, fileId as string)
    const deleted = cloudPath !== null && context.files.delete(cloudPath)
    return deleted ? { fileID: fileId, code: 'SUCCESS' } : { fileID: fileId, code: FILE_NOT_EXIST_CODE }
  })
  return { data: { delete_list } }
}

/** Every storage action the emulator answers, by protocol action name. */
export const STORAGE_OPERATIONS: Readonly<Record<string, StorageOperation>> = {
  'storage.getUploadMetadata': getUploadMetadata,
  'storage.batchGetDownloadUrl': batchGetDownloadUrl,
  'storage.batchDeleteFile': batchDeleteFile,
}

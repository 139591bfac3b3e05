/**
 * Cloud storage from functions: the calls the functions make, with the SDK's per-file answers read once here.
 * The server SDK bypasses storage security rules, so functions check callers before they call these.
 */
import { STORAGE_BUCKET_VARIABLE } from '@shared/storage'
import { sdk } from './cloud'

/** How long a temporary URL answered to the console lasts: long enough to look at and download. */
export const TEMP_URL_MAX_AGE_S = 2 * 60 * 60

interface TempFileEntry {
  readonly fileID: string
  readonly status: number
  readonly tempFileURL: string
}

/** A temporary URL for each file id (in order), null for a file that is not stored. One request, none for no ids. */
export async function tempUrlsOf(fileIds: readonly string[]): Promise<(string | null)[]> {
  if (fileIds.length === 0) return []
  const result = (await sdk().getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S })),
  })) as { fileList: TempFileEntry[] }
  return fileIds.map((fileId) => {
    const entry = result.fileList.find((candidate) => candidate.fileID === fileId)
    return entry && entry.status === 0 && entry.tempFileURL !== '' ? entry.tempFileURL : null
  })
}

/** Stores `bytes` at `cloudPath` (replacing what is there) and answers the file id. Two requests (one to the bucket). */
export async function uploadBytes(cloudPath: string, bytes: Buffer): Promise<string> {
  const result = (await sdk().uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
  return result.fileID
}

/** The bytes of a stored file. Two requests (a temporary URL, then the bucket); throws for a file not stored. */
export async function downloadBytes(fileId: string): Promise<Buffer> {
  const result = (await sdk().downloadFile({ fileID: fileId })) as { fileContent: Buffer }
  return result.fileContent
}

/** What a file the bucket does not hold answers in a batch (`STORAGE_FILE_NONEXIST`). */
const FILE_NOT_STORED_STATUS = -503003

/**
 * The file id a file uploaded to `cloudPath` gets in this environment's bucket: `cloud://<env>.<bucket>/<path>`,
 * as `uploadFile` answers it. Throws when the bucket is not configured: nothing can be checked without it.
 */
export function bucketFileIdOf(cloudPath: string): string {
  const bucket = process.env[STORAGE_BUCKET_VARIABLE]
  const { ENV } = sdk().getWXContext() as { ENV?: string }
  if (!bucket || !ENV) throw new Error(`${STORAGE_BUCKET_VARIABLE} and the environment id must be set`)
  return `cloud://${ENV}.${bucket}/${cloudPath}`
}

interface DeletedFileEntry {
  readonly fileID: string
  readonly status: number
}

/**
 * Deletes files by id (at most 50: the SDK's batch). A file already gone counts as deleted, so doing it again is
 * harmless; any other refusal throws. One request, none for no ids.
 */
export async function deleteFiles(fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return
  const result = (await sdk().deleteFile({ fileList: [...fileIds] })) as { fileList: DeletedFileEntry[] }
  const refused = result.fileList.filter((entry) => entry.status !== 0 && entry.status !== FILE_NOT_STORED_STATUS)
  if (refused.length > 0) throw new Error(`deleteFile refused ${refused.map((entry) => entry.fileID).join(', ')}`)
}

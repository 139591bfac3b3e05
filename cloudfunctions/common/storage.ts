/**
 * Cloud storage from functions: the two calls the functions make, with the SDK's per-file answers read once here.
 * The server SDK bypasses storage security rules, so functions check callers before they call these.
 */
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

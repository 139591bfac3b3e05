import type { UploadPurpose } from '@shared/contracts'

/**
 * Where an upload stands: `pending` (prepared; nobody saved it yet), `recorded` (an item shows it), `replaced`
 * (the item shows another picture now), `deleting` (claimed by the cleanup job, which deletes the file and then
 * this record). Only the cleanup job deletes files, each after its status has stood for a day.
 */
export type UploadStatus = 'pending' | 'recorded' | 'replaced' | 'deleting'

/** `uploads/<id>`: one file a client was told to upload, so that files nobody recorded can be found and deleted. */
export interface UploadDocument {
  readonly _id: string
  readonly purpose: UploadPurpose
  /** `items/<id>.<type>`. */
  readonly cloudPath: string
  /** The file id the upload gets in this environment's bucket: the only image a save accepts for it. */
  readonly fileId: string
  /** Who prepared it. */
  readonly openid: string
  readonly createdAtMs: number
  readonly status: UploadStatus
  /** When the status was last set by a save (created, recorded, replaced): the cleanup job's day runs from it. */
  readonly statusAtMs: number
  /** The item that recorded it; null while pending. */
  readonly itemId: string | null
}

import { dataOf } from '../support/answers'
import type { FunctionHarness } from '../support/functionHarness'

/** A PNG's signature and a little more: what the bucket stores does not matter to the functions, only that it is there. */
export const PICTURE_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

/** Uploads bytes through the real SDK, as `Taro.cloud.uploadFile` would, and answers the file id. */
export async function uploadThroughSdk(cloudPath: string, bytes: Buffer = PICTURE_BYTES): Promise<string> {
  const sdk = require('wx-server-sdk')
  const { fileID } = (await sdk.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
  return fileID
}

/** Whether the bucket holds a file. */
export async function isStored(fileId: string): Promise<boolean> {
  const sdk = require('wx-server-sdk')
  const { fileList } = (await sdk.getTempFileURL({ fileList: [fileId] })) as { fileList: { status: number }[] }
  return fileList[0]?.status === 0
}

/** An admin's upload as the console makes it: prepared by the function, then uploaded to the path it answered. */
export async function preparedUpload(
  harness: FunctionHarness,
  options: { readonly as: string; readonly atMs: number; readonly upload?: boolean },
): Promise<{ uploadId: string; cloudPath: string; fileId: string }> {
  const prepared = dataOf(
    await harness.call(
      'admin',
      'prepareUpload',
      { purpose: 'item', type: 'png' },
      { as: options.as, atMs: options.atMs },
    ),
  )
  const { data } = await harness.db.collection('uploads').doc(prepared.uploadId).get()
  if (options.upload !== false) await uploadThroughSdk(prepared.cloudPath)
  return { ...prepared, fileId: data.fileId as string }
}

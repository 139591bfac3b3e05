/**
 * What the storage emulator answers when something is refused. The `storage.*` protocol actions answer CloudBase's
 * `{ code, message }` (wx-server-sdk maps STORAGE_FILE_NONEXIST to -503003, STORAGE_REQUEST_FAIL to -503001); the
 * object routes answer COS's XML `<Error>` document, which @cloudbase/node-sdk parses after an upload.
 */
/** Per-file code in a batch answer for a file id that names nothing stored (production code). */
export const FILE_NOT_EXIST_CODE = 'STORAGE_FILE_NONEXIST'

/** A COS error: the HTTP status and the `<Code>` of its XML body. */
export interface CosError {
  readonly status: number
  readonly code: 'SignatureDoesNotMatch' | 'AccessDenied' | 'NoSuchKey' | 'EntityTooLarge' | 'InvalidURI'
  readonly message: string
}

/** COS's XML error body, the shape the SDK reads `Code`, `Message`, `RequestId` and `TraceId` from. */
export function cosErrorXml(error: CosError, resource: string, requestId: string): string {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `  <Code>${error.code}</Code>`,
    `  <Message>${escapeXml(error.message)}</Message>`,
    `  <Resource>${escapeXml(resource)}</Resource>`,
    `  <RequestId>${requestId}</RequestId>`,
    `  <TraceId>${requestId}</TraceId>`,
    '</Error>',
  ].join('\n')
}

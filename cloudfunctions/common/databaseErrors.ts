/**
 * CloudBase answers a unique-key violation (a second `add` of the same `_id`, or a taken unique index)
 * with the generic DATABASE_REQUEST_FAILED and MongoDB's E11000 in the message: the code alone cannot
 * tell it from any other failed request, so both are checked. The SDK hands it over in two shapes:
 * wrapped (`errCode` -502001, `errMsg`) by wx-server-sdk, or as the raw reply (`code`, `message`) when
 * @cloudbase/database throws it from inside a transaction. Missing documents need no check: the SDK
 * is initialised with `throwOnNotFound: false` and reads them as null.
 */
const DATABASE_REQUEST_FAILED = { errCode: -502001, code: 'DATABASE_REQUEST_FAILED' } as const

/** Whether an SDK error is a unique-key violation: the database refusing a second write of the same id. */
export function isDuplicateKeyError(error: unknown): boolean {
  const { errCode, errMsg, code, message } = (error ?? {}) as Record<string, unknown>
  const failedRequest = errCode === DATABASE_REQUEST_FAILED.errCode || code === DATABASE_REQUEST_FAILED.code
  const text = typeof errMsg === 'string' ? errMsg : message
  return failedRequest && typeof text === 'string' && text.includes('E11000')
}

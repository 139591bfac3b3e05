/**
 * The error codes and messages the emulator answers, in the `{ code, message }` shape CloudBase sends.
 * wx-server-sdk maps the codes to `errCode` (DATABASE_REQUEST_FAILED → -502001, DATABASE_COLLECTION_NOT_EXIST →
 * -502005, unknown codes → -501001), and @cloudbase/database retries `runTransaction` on DATABASE_TRANSACTION_CONFLICT.
 * Messages marked "production" were seen in CloudBase answers; the others are the emulator's own wording.
 */

/** Codes the emulator answers with. */
export type DatabaseErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'ResourceNotFound.FunctionName'
  | 'ResourceNotFound.Action'

/** A failure answered to the SDK as `{ code, message }`; thrown inside the emulator and caught by the server. */
export class DatabaseError extends Error {
  /** The CloudBase code. */
  readonly code: DatabaseErrorCode

  constructor(code: DatabaseErrorCode, message: string) {
    super(message)
    this.code = code
    this.name = 'DatabaseError'
  }
}

/** A request parameter is missing or malformed. */
export function invalidParam(detail: string): DatabaseError {
  return new DatabaseError('INVALID_PARAM', `[InvalidParameter] ${detail}`)
}

/** The collection has not been created (production wording). */
export function collectionNotExist(): DatabaseError {
  return new DatabaseError(
    'DATABASE_COLLECTION_NOT_EXIST',
    '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
  )
}

/** `createCollection` of a collection that already exists. */
export function collectionAlreadyExists(collection: string): DatabaseError {
  return new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${collection}`)
}

/** A write would break the uniqueness of `_id` or of a unique index (MongoDB's E11000 wording). */
export function duplicateKey(options: { collection: string; indexName: string; key: string }): DatabaseError {
  return new DatabaseError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${options.collection} index: ${options.indexName} dup key: ${options.key}`,
  )
}

/** The query, update or pipeline could not be executed. */
export function requestFailed(detail: string): DatabaseError {
  return new DatabaseError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}`)
}

/** Another write changed a document this transaction read or wrote: the SDK's runTransaction retries on it. */
export function transactionConflict(): DatabaseError {
  return new DatabaseError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] WriteConflict: this operation conflicted with another operation. Please retry your operation or multi-document transaction.',
  )
}

/** The transaction id is unknown, finished, or expired. */
export function transactionNotActive(transactionId: string): DatabaseError {
  return new DatabaseError(
    'DATABASE_TRANSACTION_FAIL',
    `[FailedOperation.TransactionNotExist] transaction ${transactionId} does not exist, has ended, or has expired`,
  )
}

/** CloudBase transactions only allow operations on one document by `_id` (and `add`). */
export function transactionWhereRefused(detail: string): DatabaseError {
  return new DatabaseError(
    'DATABASE_REQUEST_FAILED',
    `[InvalidParameter] transactions only support single-document operations (doc(id).get/update/set/remove and add): ${detail}`,
  )
}

/** Too many open transactions: they are bounded like everything else. */
export function transactionLimitExceeded(limit: number): DatabaseError {
  return new DatabaseError('DATABASE_REQUEST_FAILED', `[LimitExceeded] more than ${limit} open transactions`)
}

/** No cloud function of that name is deployed (production wording). */
export function functionNotFound(name: string): DatabaseError {
  return new DatabaseError(
    'ResourceNotFound.FunctionName',
    `[ResourceNotFound.FunctionName] FunctionName parameter could not be found. (${name})`,
  )
}

/** The called cloud function threw or could not run. */
export function functionExecuteFailed(detail: string): DatabaseError {
  return new DatabaseError('FUNCTIONS_EXECUTE_FAIL', detail)
}

/** An action the emulator does not implement. */
export function actionNotSupported(action: string): DatabaseError {
  return new DatabaseError(
    'ResourceNotFound.Action',
    `[ResourceNotFound.Action] action ${action} is not supported by the emulator`,
  )
}

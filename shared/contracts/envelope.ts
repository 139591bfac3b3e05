import type { ErrorCode } from '../errors'
import type { Err, Ok } from '../result'

/**
 * What every cloud-function action answers: `{ ok: true, data }` or `{ ok: false, code, message }`.
 * `code` is stable and machine-readable; `message` is readable Chinese for the user.
 */
export type ApiEnvelope<T> = Ok<T> | Err<ErrorCode>

/** The request every cloud function receives: an action name and its input. */
export interface ApiRequest<A extends string = string, I = unknown> {
  readonly action: A
  readonly input?: I
}

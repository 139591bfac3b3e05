import { type ErrorCode, messageFor } from './errors'

/** A successful outcome carrying its data; the same shape as the cloud-function envelope. */
export interface Ok<T> {
  readonly ok: true
  readonly data: T
}

/** A domain failure: a stable code from `errors.ts` and a readable Chinese message. */
export interface Err<C extends ErrorCode = ErrorCode> {
  readonly ok: false
  readonly code: C
  readonly message: string
}

/** Either the data or a domain failure. Domain failures are values; only programmer errors throw. */
export type Result<T, C extends ErrorCode = ErrorCode> = Ok<T> | Err<C>

/** Wraps data as a success. */
export function ok<T>(data: T): Ok<T> {
  return { ok: true, data }
}

/** A failure with the catalogue's message for its code, optionally followed by a detail. */
export function err<C extends ErrorCode>(code: C, detail?: string): Err<C> {
  const message = detail ? `${messageFor(code)}：${detail}` : messageFor(code)
  return { ok: false, code, message }
}

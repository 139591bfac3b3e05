/**
 * Failures of a function invocation, with the codes and messages `callFunction` reports on
 * CloudBase, so callers handle the emulator's errors exactly as production ones.
 */
export type InvocationErrorKind = 'notFound' | 'timeout' | 'crashed'

/** An invocation that produced no result. */
export class InvocationError extends Error {
  constructor(
    readonly kind: InvocationErrorKind,
    readonly errCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'InvocationError'
  }
}

export function functionNotFound(name: string): InvocationError {
  return new InvocationError('notFound', -501000, `[ResourceNotFound.Function] FunctionName ${name} not found`)
}

export function functionTimedOut(name: string, timeoutMs: number): InvocationError {
  return new InvocationError(
    'timeout',
    -504003,
    `[FUNCTIONS_TIME_LIMIT_EXCEEDED] Invoking task timed out after ${timeoutMs / 1000} seconds (function ${name})`,
  )
}

export function functionFailed(name: string, detail: string): InvocationError {
  return new InvocationError('crashed', -504002, `[FUNCTIONS_EXECUTE_FAIL] function ${name} failed: ${detail}`)
}

import { DatabaseError, functionExecuteFailed, functionNotFound } from './errors'

/** Who is calling a function: the calling invocation and the environment it runs in. */
export interface CallerIdentity {
  /** The caller's TCB_SEQID, or null when it set none. */
  readonly invocationId: string | null
  readonly envId: string
}

/**
 * Runs a cloud function for `cloud.callFunction`; the function host supplies it. It answers the function's
 * return value, throws `functionNotFound(name)` for an unknown name, and throws anything else when the
 * function failed (answered as FUNCTIONS_EXECUTE_FAIL).
 */
export type FunctionHandler = (name: string, data: unknown, caller: CallerIdentity) => Promise<unknown>

/** The functions.invokeFunction reply (the result as a JSON string, as CloudBase sends it) or the error. */
export async function invokeFunction(options: {
  readonly handler: FunctionHandler | undefined
  readonly name: unknown
  readonly requestData: unknown
  readonly caller: CallerIdentity
}): Promise<{ data: { response_data: string | undefined } }> {
  const { handler, name, requestData, caller } = options
  if (typeof name !== 'string' || name === '' || !handler) throw functionNotFound(String(name))
  let data: unknown
  try {
    data = typeof requestData === 'string' && requestData !== '' ? JSON.parse(requestData) : {}
  } catch {
    throw functionExecuteFailed('request_data is not valid JSON')
  }
  try {
    const result = await handler(name, data, caller)
    return { data: { response_data: JSON.stringify(result) } }
  } catch (error) {
    if (error instanceof DatabaseError) throw error
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    throw functionExecuteFailed(message)
  }
}

export { functionNotFound }

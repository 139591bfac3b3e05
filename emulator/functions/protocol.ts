import type { CallerIdentity } from './identity'

/** What the host asks a worker to run. */
export interface InvocationRequest {
  readonly invocationId: string
  readonly functionName: string
  readonly entryFile: string
  readonly event: unknown
  readonly identity: CallerIdentity
  readonly timeoutMs: number
  /** Tests' simulated "now": the invocation's clock starts here instead of the real time. */
  readonly clockMs?: number
}

/**
 * What a worker says once the function's code is loaded and its handler is about to run: the time limit
 * starts here. Starting a worker and loading the bundle is the instance's cold start, which CloudBase bounds
 * with a separate, longer initialisation limit.
 */
export interface InvocationStarted {
  readonly invocationId: string
  readonly started: true
}

/** What a worker answers: the function's JSON result, or why it threw. */
export type InvocationReply =
  | { readonly invocationId: string; readonly ok: true; readonly result: unknown }
  | { readonly invocationId: string; readonly ok: false; readonly message: string }

/** Every message a worker sends. */
export type WorkerMessage = InvocationStarted | InvocationReply

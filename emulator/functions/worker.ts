/**
 * One CloudBase instance: runs one invocation at a time, so identity set in this worker's own
 * `process.env` (where `getWXContext()` reads it) can never leak into another caller's invocation.
 */
import { parentPort } from 'node:worker_threads'
import { IDENTITY_VARIABLES, identityEnvironment } from './identity'
import type { InvocationReply, InvocationRequest, InvocationStarted } from './protocol'

type CloudFunctionModule = { main: (event: unknown, context: unknown) => unknown }

const port = parentPort
if (!port) throw new Error('worker.ts runs inside a worker thread')

// A promise a function forgot to await must not take the instance down with a later invocation;
// CloudBase logs it and carries on, and so does the emulator.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection in cloud function', reason))

function setIdentity(request: InvocationRequest): void {
  for (const variable of IDENTITY_VARIABLES) delete process.env[variable]
  Object.assign(process.env, identityEnvironment(request.identity))
  // The SDK prefixes the seqId of every request with TCB_SEQID, which lets the emulator count the
  // database requests of this invocation.
  process.env.TCB_SEQID = request.invocationId
}

const realDateNow = Date.now

/**
 * Lets a test run an invocation at a simulated instant (a fortnight of check-ins in a second)
 * without any test hook in the function's code: `Date.now()` starts at the requested instant and
 * runs on from there for this invocation only.
 */
function setClock(request: InvocationRequest): void {
  if (request.clockMs === undefined) {
    Date.now = realDateNow
    return
  }
  const offsetMs = request.clockMs - realDateNow()
  Date.now = () => realDateNow() + offsetMs
}

async function run(request: InvocationRequest): Promise<InvocationReply> {
  setIdentity(request)
  const context = {
    request_id: request.invocationId,
    function_name: request.functionName,
    time_limit_in_ms: request.timeoutMs,
    memory_limit_in_mb: 256,
    callbackWaitsForEmptyEventLoop: false,
  }
  try {
    const cloudFunction = require(request.entryFile) as CloudFunctionModule
    // The clock starts once the module is loaded: a cold start (a second or more on a busy machine)
    // must not move a simulated instant, or a test run one second before a deadline lands after it.
    setClock(request)
    port?.postMessage({ invocationId: request.invocationId, started: true } satisfies InvocationStarted)
    const result = await cloudFunction.main(request.event, context)
    // CloudBase returns the result as JSON: whatever does not survive JSON does not reach the caller.
    return {
      invocationId: request.invocationId,
      ok: true,
      result: result === undefined ? null : JSON.parse(JSON.stringify(result)),
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    return { invocationId: request.invocationId, ok: false, message }
  }
}

port.on('message', (request: InvocationRequest) => {
  run(request).then((reply) => port.postMessage(reply))
})

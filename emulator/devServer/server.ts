/**
 * The dev server: serves the H5 build of the mini-program and lets it call cloud functions over
 * HTTP, standing in for `wx.cloud.callFunction`. Local mode only: the caller's identity comes from
 * the identity switcher's header, which is exactly what production must never trust, so this
 * server binds to loopback and is never deployed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { InvocationError } from '../functions/errors'
import type { FunctionHost } from '../functions/host'
import { clientCaller } from '../functions/identity'
import { DEMO_IDENTITIES, demoIdentityFor } from '../seed/demoIdentities'
import { serveStatic } from './staticFiles'
import { type DevServerStorage, fileRoute, uploadRoute } from './storageRoutes'

/** Largest request body accepted; cloud-function payloads are small. */
export const REQUEST_BODY_BYTES_MAX = 256 * 1024
/** The header the H5 app's identity switcher sets. */
export const IDENTITY_HEADER = 'x-local-identity'
/** The header `npm run job -- … --at` sets: the invocation's clock starts at this instant (ms). */
export const CLOCK_HEADER = 'x-local-clock'
const FUNCTION_PATH = /^\/api\/functions\/([A-Za-z0-9_-]{1,60})$/

export interface DevServerOptions {
  readonly host: FunctionHost
  /** The H5 build folder (`dist-h5`). */
  readonly staticRoot: string
  readonly port?: number
  /** Cloud storage for the H5 app's uploads and `cloud://` images; without it those routes answer 404. */
  readonly storage?: DevServerStorage
}

export interface RunningDevServer {
  readonly url: string
  stop(): Promise<void>
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > REQUEST_BODY_BYTES_MAX) throw new RangeError('request body too large')
    chunks.push(chunk as Buffer)
  }
  return chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

async function callFunction(
  options: DevServerOptions,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  let body: unknown
  try {
    body = await readJsonBody(request)
  } catch {
    sendJson(response, 400, { errCode: -1, errMsg: 'cloud.callFunction:fail request body is not JSON or too large' })
    return
  }
  const identity = demoIdentityFor(request.headers[IDENTITY_HEADER] as string | undefined)
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  const clockMs = Number(request.headers[CLOCK_HEADER] ?? Number.NaN)
  try {
    const result = await options.host.invoke(
      name,
      data ?? {},
      clientCaller(identity.openid),
      Number.isSafeInteger(clockMs) && clockMs >= 0 ? { clockMs } : {},
    )
    sendJson(response, 200, { result, errMsg: 'cloud.callFunction:ok' })
  } catch (error) {
    const failure = error instanceof InvocationError ? error : new InvocationError('crashed', -504002, String(error))
    sendJson(response, 502, { errCode: failure.errCode, errMsg: `cloud.callFunction:fail ${failure.message}` })
  }
}

/** Waits for a storage route; a failure of the SDK underneath answers 502 rather than leaving the request open. */
async function answerStorage(response: ServerResponse, route: Promise<void>): Promise<void> {
  try {
    await route
  } catch (error) {
    if (!response.headersSent) sendJson(response, 502, { errCode: -1, errMsg: `storage failed: ${String(error)}` })
  }
}

/** Starts the dev server on 127.0.0.1 (port 0 picks a free one). */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const functionMatch = FUNCTION_PATH.exec(url.pathname)
    if (functionMatch && request.method === 'POST') {
      void callFunction(options, functionMatch[1] as string, request, response)
    } else if (options.storage && url.pathname === '/api/storage/upload' && request.method === 'POST') {
      void answerStorage(response, uploadRoute(options.storage, url, request, response))
    } else if (options.storage && url.pathname === '/api/storage/file' && request.method === 'GET') {
      void answerStorage(response, fileRoute(options.storage, url, response))
    } else if (url.pathname === '/api/identities' && request.method === 'GET') {
      sendJson(response, 200, { identities: DEMO_IDENTITIES })
    } else if (request.method === 'GET' || request.method === 'HEAD') {
      serveStatic(options.staticRoot, url.pathname, response)
    } else {
      sendJson(response, 405, { errMsg: 'method not allowed' })
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Browsers keep connections alive; without this, stopping would wait for them to time out.
        server.closeAllConnections()
      }),
  }
}

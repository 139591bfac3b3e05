import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { LOCAL_APPID } from '../functions/identity'
import { answerOpenApi, isOpenApiRequest, parseOpenApiRequest } from '../openapi'
import {
  type FileStorageLocation,
  FileStore,
  handleObjectRoute,
  isObjectRoute,
  STORAGE_OPERATIONS,
  type StorageContext,
  UrlSigner,
} from '../storage'
import type { Emulator, EmulatorInfo } from '../types'
import { parseStored } from './ejson'
import { actionNotSupported, DatabaseError, invalidParam } from './errors'
import { type FunctionHandler, invokeFunction } from './functions'
import { type IndexDeclarations, loadIndexDeclarations } from './indexes'
import { DATABASE_OPERATIONS, type DatabaseRequest, type OperationContext } from './operations'
import { type InvocationTally, invocationIdOfSeqId, RequestCounter, type RequestCountReport } from './requestCounts'
import { type StorageLocation, Store } from './state'
import { TransactionManager } from './transactions'

/** The largest request body accepted. */
export const REQUEST_BODY_BYTES_MAX = 5 * 1024 * 1024

/** Documents GET /__emulator/collections/:name answers at most. */
export const INSPECT_DOCUMENTS_MAX = 1000

/** The prefix of the emulator's own routes, apart from the CloudBase protocol at /admin. */
export const EMULATOR_ROUTE_PREFIX = '/__emulator'

/** The largest simulated network delay accepted: longer than any round trip to CloudBase. */
export const REQUEST_DELAY_MS_MAX = 10_000

/** Tries, 50 ms apart, to listen again on the emulator's port after a crash. */
const RECOVER_LISTEN_ATTEMPTS = 40
const RECOVER_LISTEN_RETRY_MS = 50

/** How to run the database emulator. */
export interface DatabaseEmulatorOptions {
  /** Default 127.0.0.1: the emulator is for this machine only. */
  readonly host?: string
  /** Default 0: any free port (read it back from `info().port`). */
  readonly port?: number
  /** The CloudBase environment id answered; requests naming another env fail. Default `local`. */
  readonly envId?: string
  /** Default in memory. */
  readonly storage?: StorageLocation
  /** Default: database/indexes.json. */
  readonly indexes?: IndexDeclarations
  /** Runs `cloud.callFunction`; without it every call answers "function not found". */
  readonly functions?: FunctionHandler
  /** The clock behind `db.serverDate()` and transaction lifetimes. Default Date.now. */
  readonly nowMs?: () => number
  /** Generates `_id`s and transaction ids. Default 32 random hex characters, like CloudBase ids. */
  readonly newId?: () => string
  /** Refuse `where()` writes from an invocation with an open transaction (see README). Default true. */
  readonly refuseWhereWritesDuringTransaction?: boolean
  /**
   * Simulated network delay: every request to `/admin` is answered no sooner than this many milliseconds after
   * it arrived, as a round trip to CloudBase would take (a few ms in the same region, tens across the country).
   * The emulator's own `/__emulator` routes are not delayed. An integer from 0 to `REQUEST_DELAY_MS_MAX`.
   * @default 0
   */
  readonly requestDelayMs?: number
  /** Where cloud storage (`uploadFile`, `getTempFileURL`, …; emulator/storage) keeps files. @default in memory */
  readonly files?: FileStorageLocation
}

function checkedRequestDelayMs(requestDelayMs: number | undefined): number {
  const value = requestDelayMs ?? 0
  if (!Number.isInteger(value) || value < 0 || value > REQUEST_DELAY_MS_MAX) {
    throw new RangeError(`requestDelayMs must be an integer from 0 to ${REQUEST_DELAY_MS_MAX}, not ${requestDelayMs}`)
  }
  return value
}

/**
 * Waits at least `delayMs` by the high-resolution clock. A timer alone can fire up to a millisecond or so early
 * when the event loop's cached time is stale, and the delay is a promise to callers that measure it.
 */
async function waitAtLeast(delayMs: number): Promise<void> {
  const untilMs = performance.now() + delayMs
  for (let remainingMs = delayMs; remainingMs > 0; remainingMs = untilMs - performance.now()) {
    await sleep(Math.ceil(remainingMs))
  }
}

function randomId(): string {
  return randomBytes(16).toString('hex')
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > REQUEST_BODY_BYTES_MAX) {
        reject(invalidParam(`request body exceeds ${REQUEST_BODY_BYTES_MAX} bytes`))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

/**
 * The CloudBase database emulator: answers `POST /admin` with the protocol wx-server-sdk speaks (database actions
 * and functions.invokeFunction), each database request atomic in one sqlite transaction, and its own routes
 * under /__emulator (reset, request counts, inspection).
 */
export class DatabaseEmulator implements Emulator {
  private readonly options: DatabaseEmulatorOptions
  private readonly envId: string
  private readonly nowMs: () => number
  private readonly newId: () => string
  private delayMs: number
  private readonly counter = new RequestCounter()
  private functions: FunctionHandler | undefined
  private store: Store | undefined
  private transactions: TransactionManager | undefined
  private server: http.Server | undefined
  private listening: EmulatorInfo | undefined
  private requestSequence = 0
  /** Between `crash()` and `recover()`. */
  private down = false
  /** One more at every crash: a request that arrived before a crash is never served after it. */
  private generation = 0
  private readonly files: FileStore
  private readonly signer = new UrlSigner()

  constructor(options: DatabaseEmulatorOptions = {}) {
    this.options = options
    this.envId = options.envId ?? 'local'
    this.nowMs = options.nowMs ?? Date.now
    this.newId = options.newId ?? randomId
    this.delayMs = checkedRequestDelayMs(options.requestDelayMs)
    this.functions = options.functions
    this.files = new FileStore(options.files ?? { kind: 'memory' })
  }

  /** Opens the storage and starts listening. */
  async start(): Promise<EmulatorInfo> {
    if (this.listening) return this.listening
    this.openStorage()
    const server = await this.listen(this.options.port ?? 0)
    const address = server.address() as AddressInfo
    const host = this.options.host ?? '127.0.0.1'
    this.listening = { name: 'database', host, port: address.port, url: `http://${host}:${address.port}` }
    return this.listening
  }

  /** Stops listening (closing idle keep-alive connections) and closes the storage. */
  async stop(): Promise<void> {
    const wasListening = this.listening !== undefined
    this.listening = undefined
    this.down = false
    await this.closeServer()
    if (wasListening) this.closeStorage()
  }

  /**
   * A fault for tests: the database process killed. Every connection drops (requests in flight get no answer,
   * and a request already read but not yet served is never served), open transactions are lost, the storage is
   * closed, and until `recover()` nothing listens, so a request fails to connect as during a real outage. Every
   * request answered before stays written: each is one sqlite transaction, and the file keeps what committed.
   * Only file storage can come back (a killed in-memory database loses everything).
   */
  async crash(): Promise<void> {
    if (!this.listening || this.down) throw new Error('the database emulator is not running')
    if (this.options.storage?.kind !== 'file') throw new Error('only a database on file storage can crash and recover')
    this.down = true
    this.generation += 1
    await this.closeServer()
    this.closeStorage()
  }

  /**
   * Brings a crashed emulator back: the same file reopened, no transaction open, listening on the same port
   * (retried for a while if something took the port during the outage).
   */
  async recover(): Promise<void> {
    if (!this.listening || !this.down) throw new Error('the database emulator has not crashed')
    if (!this.store) this.openStorage()
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.listen(this.listening.port)
        break
      } catch (error) {
        if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= RECOVER_LISTEN_ATTEMPTS) throw error
        await sleep(RECOVER_LISTEN_RETRY_MS)
      }
    }
    this.down = false
  }

  /** `crash()`, `downMs` milliseconds of outage, then `recover()`. */
  async restart(options: { readonly downMs: number }): Promise<void> {
    await this.crash()
    await sleep(options.downMs)
    await this.recover()
  }

  /** Whether the emulator is crashed (between `crash()` and `recover()`). */
  get crashed(): boolean {
    return this.down
  }

  private openStorage(): void {
    const store = new Store({
      location: this.options.storage ?? { kind: 'memory' },
      declarations: this.options.indexes ?? loadIndexDeclarations(),
    })
    this.store = store
    this.transactions = new TransactionManager(store, { nowMs: this.nowMs, newId: this.newId })
  }

  private closeStorage(): void {
    this.store?.close()
    this.store = undefined
    this.transactions = undefined
  }

  private async listen(port: number): Promise<http.Server> {
    const server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { code: 'SYS_ERR', message: String(error) })
      })
    })
    server.keepAliveTimeout = 60_000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, this.options.host ?? '127.0.0.1', () => resolve())
    })
    this.server = server
    return server
  }

  private async closeServer(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }

  /** Where the emulator listens. */
  info(): EmulatorInfo {
    if (!this.listening) throw new Error('the database emulator is not started')
    return this.listening
  }

  /** The simulated network delay of every `/admin` request, in milliseconds (0: none). */
  get requestDelayMs(): number {
    return this.delayMs
  }

  /** Changes the simulated network delay for the requests that arrive from now on (a benchmark sets up without it). */
  setRequestDelayMs(requestDelayMs: number): void {
    this.delayMs = checkedRequestDelayMs(requestDelayMs)
  }

  /** Installs (or replaces) the handler that runs `cloud.callFunction`. */
  setFunctionHandler(handler: FunctionHandler | undefined): void {
    this.functions = handler
  }

  /** Request counts, globally and per invocation (what GET /__emulator/requests answers). */
  requestCounts(): RequestCountReport {
    return this.counter.report()
  }

  /** Request counts and sequential rounds of one invocation (its TCB_SEQID). */
  requestCountsOf(invocationId: string): InvocationTally {
    return this.counter.forInvocation(invocationId)
  }

  /** Deletes every document and stored file, forgets transactions and counts; declared collections are recreated empty. */
  reset(): void {
    this.requireStore().reset()
    this.files.clear()
    this.transactions?.clear()
    this.counter.clear()
  }

  private requireStore(): Store {
    if (!this.store) throw new Error('the database emulator is not started')
    return this.store
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator')
    if (url.pathname.startsWith(EMULATOR_ROUTE_PREFIX)) {
      this.handleEmulatorRoute(request.method ?? 'GET', url, response)
      return
    }
    if (isObjectRoute(url.pathname)) {
      // COS's side of storage: no seqId, so uncounted, as COS requests are not CloudBase API calls.
      this.requestSequence += 1
      await handleObjectRoute(request, response, { ...this.storageContext(), requestId: `cos-${this.requestSequence}` })
      return
    }
    if (request.method !== 'POST' || url.pathname !== '/admin') {
      send(response, 404, { code: 'NOT_FOUND', message: `no route ${request.method} ${url.pathname}` })
      return
    }
    const answered = this.counter.requestArrived(invocationIdOfSeqId(url.searchParams.get('seqId')))
    try {
      await this.handleProtocolRequest(request, response, url)
    } finally {
      // After the answer is written: a request the caller sends in reaction to it cannot arrive before this.
      answered()
    }
  }

  private async handleProtocolRequest(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    this.requestSequence += 1
    const requestId = `${this.nowMs().toString(16)}-${this.requestSequence.toString(16)}`
    const generation = this.generation
    try {
      const body = await readBody(request)
      if (this.delayMs > 0) await waitAtLeast(this.delayMs)
      if (generation !== this.generation) {
        // The process that read this request was killed before serving it.
        response.destroy()
        return
      }
      const contentType = request.headers['content-type']
      if (isOpenApiRequest(contentType)) {
        // WeChat open APIs (emulator/openapi): multipart in, protobuf bytes out.
        const openApiRequest = parseOpenApiRequest(body, contentType)
        this.recordRequest(`wx.openApi.${openApiRequest.apiName}`, url)
        const reply = answerOpenApi(openApiRequest, { ...this.openApiContext(url), requestId })
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.length })
        response.end(reply)
        return
      }
      const reply = await this.dispatch(body.toString('utf8'), url)
      send(response, 200, { ...reply, requestId })
    } catch (error) {
      if (error instanceof DatabaseError) {
        send(response, 200, { code: error.code, message: error.message, requestId })
        return
      }
      send(response, 200, { code: 'SYS_ERR', message: `[InternalError] ${(error as Error).message}`, requestId })
    }
  }

  private async dispatch(body: string, url: URL): Promise<object> {
    let parsed: DatabaseRequest & Record<string, unknown>
    try {
      parsed = JSON.parse(body)
    } catch {
      throw invalidParam('the request body is not JSON')
    }
    const action = typeof parsed?.action === 'string' ? parsed.action : ''
    const invocationId = this.recordRequest(action, url)
    if (action === 'functions.invokeFunction') {
      return invokeFunction({
        handler: this.functions,
        name: parsed.function_name,
        requestData: parsed.request_data,
        caller: { invocationId, envId: this.envId },
      })
    }
    const storageOperation = STORAGE_OPERATIONS[action]
    if (storageOperation) return storageOperation(parsed, this.storageContext())
    const operation = DATABASE_OPERATIONS[action]
    if (!operation) throw actionNotSupported(action)
    const store = this.requireStore()
    const context: OperationContext = {
      store,
      transactions: this.transactions as TransactionManager,
      nowMs: this.nowMs(),
      newId: this.newId,
      invocationId,
      refuseWhereWritesDuringTransaction: this.options.refuseWhereWritesDuringTransaction ?? true,
    }
    return store.atomically(() => operation(parsed, context))
  }

  /** Counts the request and refuses another environment; answers the calling invocation. */
  private recordRequest(action: string, url: URL): string | null {
    const invocationId = invocationIdOfSeqId(url.searchParams.get('seqId'))
    this.counter.record(action, invocationId)
    const env = url.searchParams.get('env') ?? ''
    if (env !== '' && env !== this.envId) {
      throw new DatabaseError(
        'INVALID_PARAM',
        `[ResourceNotFound.Env] env ${env} not exists (the emulator serves ${this.envId})`,
      )
    }
    return invocationId
  }

  private storageContext(): StorageContext {
    return { files: this.files, envId: this.envId, baseUrl: this.info().url, nowMs: this.nowMs(), signer: this.signer }
  }

  private openApiContext(url: URL) {
    return {
      store: this.requireStore(),
      nowMs: this.nowMs(),
      newId: this.newId,
      invocationId: invocationIdOfSeqId(url.searchParams.get('seqId')),
      appid: LOCAL_APPID,
    }
  }

  private handleEmulatorRoute(method: string, url: URL, response: http.ServerResponse): void {
    const route = url.pathname.slice(EMULATOR_ROUTE_PREFIX.length)
    if (method === 'GET' && route === '/info') {
      send(response, 200, { ...this.info(), envId: this.envId, requestDelayMs: this.requestDelayMs })
    } else if (method === 'POST' && route === '/reset') {
      this.reset()
      send(response, 200, { ok: true })
    } else if (method === 'GET' && route === '/requests') {
      const invocation = url.searchParams.get('invocation')
      send(
        response,
        200,
        invocation ? { invocation, ...this.counter.forInvocation(invocation) } : this.counter.report(),
      )
    } else if (method === 'DELETE' && route === '/requests') {
      this.counter.clear()
      send(response, 200, { ok: true })
    } else if (method === 'GET' && route.startsWith('/collections/')) {
      const collection = decodeURIComponent(route.slice('/collections/'.length))
      const store = this.requireStore()
      if (!store.hasCollection(collection)) {
        send(response, 404, { code: 'DATABASE_COLLECTION_NOT_EXIST', message: collection })
        return
      }
      const documents = []
      for (const stored of store.read(collection, { kind: 'scan' })) {
        documents.push(parseStored(stored.body))
        if (documents.length >= INSPECT_DOCUMENTS_MAX) break
      }
      send(response, 200, { collection, total: store.countAll(collection), documents })
    } else {
      send(response, 404, { code: 'NOT_FOUND', message: `no emulator route ${method} ${url.pathname}` })
    }
  }
}

/**
 * The function host: runs cloud functions as CloudBase does, each invocation on an instance (a
 * worker thread with its own environment) that serves one invocation at a time, with the real
 * wx-server-sdk pointed at the emulator through that environment.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { functionFailed, functionNotFound, functionTimedOut, InvocationError } from './errors'
import { type FunctionConfig, readFunctionConfig } from './functionConfig'
import type { CallerIdentity } from './identity'
import type { InvocationReply, InvocationRequest, InvocationStarted, WorkerMessage } from './protocol'

/** Instances one function may run at once before invocations queue (CloudBase scales further). */
export const INSTANCES_PER_FUNCTION_DEFAULT = 4
/**
 * How long an instance may take to start and load the function's code before its first invocation fails.
 * The function's own time limit counts from the moment its handler runs, so a cold start on a busy machine
 * (eight workers loading the SDK at once) is not mistaken for a slow function.
 */
export const INSTANCE_INITIALISATION_TIMEOUT_MS = 60_000
const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,60}$/
const WORKER_BOOT_FILE = path.join(__dirname, 'workerBoot.cjs')

export interface FunctionHostOptions {
  /** Folder with one subfolder per function, each with the bundled `index.js` and `config.json`. */
  readonly functionsRoot: string
  /** Variables that point the SDK at the emulator (see the database emulator's `sdkEnvironment`). */
  readonly environment: Readonly<Record<string, string>>
  readonly instancesPerFunction?: number
  /** Drop what functions write to stdout and stderr instead of passing it on (for tests that make them fail on purpose). */
  readonly discardLogs?: boolean
}

/** How one invocation runs. */
export interface InvokeOptions {
  /** Tests' simulated "now": the invocation's clock starts here instead of the real time. */
  readonly clockMs?: number
  /**
   * A fault for tests: a shorter time limit for this invocation only (whole milliseconds, never longer than the
   * function's own), so that it is killed part-way, between any two of its requests, exactly as CloudBase kills
   * one that runs past its limit.
   */
  readonly timeLimitMs?: number
}

function checkedTimeLimitMs(timeLimitMs: number): void {
  if (!Number.isInteger(timeLimitMs) || timeLimitMs < 1) {
    throw new RangeError(`timeLimitMs must be a whole number of milliseconds, 1 or more, not ${timeLimitMs}`)
  }
}

interface PendingInvocation {
  readonly request: InvocationRequest
  readonly resolve: (result: unknown) => void
  readonly reject: (error: InvocationError) => void
}

interface Instance {
  readonly worker: Worker
  current: PendingInvocation | null
  timer: NodeJS.Timeout | null
}

interface FunctionPool {
  readonly entryFile: string
  readonly config: FunctionConfig
  readonly instances: Set<Instance>
  readonly idle: Instance[]
  readonly queue: PendingInvocation[]
}

export class FunctionHost {
  private readonly pools = new Map<string, FunctionPool>()
  /** Invocations in flight, so a function's own `callFunction` can be traced back to its caller. */
  private readonly running = new Map<string, CallerIdentity>()
  private readonly instancesPerFunction: number
  private invocationCount = 0
  private stopped = false

  constructor(private readonly options: FunctionHostOptions) {
    this.instancesPerFunction = options.instancesPerFunction ?? INSTANCES_PER_FUNCTION_DEFAULT
  }

  /**
   * Runs a function as `identity` and resolves with its JSON result. Rejects with an
   * `InvocationError` when the function does not exist, throws, or runs past its time limit.
   */
  invoke(
    functionName: string,
    event: unknown,
    identity: CallerIdentity,
    options: InvokeOptions = {},
  ): Promise<unknown> {
    if (this.stopped) return Promise.reject(functionFailed(functionName, 'the function host has stopped'))
    if (options.timeLimitMs !== undefined) checkedTimeLimitMs(options.timeLimitMs)
    const pool = this.poolFor(functionName)
    if (!pool) return Promise.reject(functionNotFound(functionName))
    this.invocationCount += 1
    const request: InvocationRequest = {
      // No dashes: the emulator reads the invocation back from the prefix of the SDK's seqId.
      invocationId: `inv${this.invocationCount.toString(36)}x${randomBytes(4).toString('hex')}`,
      functionName,
      entryFile: pool.entryFile,
      event,
      identity,
      timeoutMs: Math.min(options.timeLimitMs ?? pool.config.timeoutMs, pool.config.timeoutMs),
      ...(options.clockMs === undefined ? {} : { clockMs: options.clockMs }),
    }
    this.running.set(request.invocationId, identity)
    const settled = new Promise<unknown>((resolve, reject) => {
      pool.queue.push({ request, resolve, reject })
      this.dispatch(pool)
    })
    return settled.finally(() => this.running.delete(request.invocationId))
  }

  /** The identity an invocation in flight runs as, or null once it has ended (or never existed). */
  identityOf(invocationId: string): CallerIdentity | null {
    return this.running.get(invocationId) ?? null
  }

  /** Names of the functions that have run at least once. */
  loadedFunctions(): string[] {
    return [...this.pools.keys()]
  }

  /** Drops the instances of a function (or all), so the next invocation loads a rebuilt bundle. */
  async reload(functionName?: string): Promise<void> {
    const names = functionName ? [functionName] : [...this.pools.keys()]
    await Promise.all(names.map((name) => this.retirePool(name)))
  }

  /** Ends every instance; queued and running invocations fail. */
  async stop(): Promise<void> {
    this.stopped = true
    await this.reload()
  }

  private poolFor(functionName: string): FunctionPool | null {
    if (!FUNCTION_NAME_PATTERN.test(functionName)) return null
    const existing = this.pools.get(functionName)
    if (existing) return existing
    const folder = path.join(this.options.functionsRoot, functionName)
    const entryFile = path.join(folder, 'index.js')
    if (!existsSync(entryFile)) return null
    const pool: FunctionPool = {
      entryFile,
      config: readFunctionConfig(folder),
      instances: new Set(),
      idle: [],
      queue: [],
    }
    this.pools.set(functionName, pool)
    return pool
  }

  private dispatch(pool: FunctionPool): void {
    while (pool.queue.length > 0) {
      const instance =
        pool.idle.pop() ?? (pool.instances.size < this.instancesPerFunction ? this.startInstance(pool) : null)
      if (!instance) return
      this.run(pool, instance, pool.queue.shift() as PendingInvocation)
    }
  }

  private startInstance(pool: FunctionPool): Instance {
    // An `env` object gives the worker its own copy of the environment: what one instance sets for
    // its caller is invisible to every other instance.
    const discard = this.options.discardLogs === true
    const worker = new Worker(WORKER_BOOT_FILE, {
      env: { ...process.env, ...this.options.environment },
      stdout: discard,
      stderr: discard,
    })
    if (discard) {
      worker.stdout.resume()
      worker.stderr.resume()
    }
    const instance: Instance = { worker, current: null, timer: null }
    worker.on('message', (message: WorkerMessage) =>
      'started' in message ? this.startTimeLimit(pool, instance, message) : this.finish(pool, instance, message),
    )
    worker.on('error', (error) =>
      this.fail(pool, instance, functionFailed(instance.current?.request.functionName ?? '', error.message)),
    )
    worker.on('exit', () =>
      this.fail(pool, instance, functionFailed(instance.current?.request.functionName ?? '', 'instance exited')),
    )
    pool.instances.add(instance)
    return instance
  }

  private run(pool: FunctionPool, instance: Instance, invocation: PendingInvocation): void {
    instance.current = invocation
    this.limitTime(pool, instance, INSTANCE_INITIALISATION_TIMEOUT_MS)
    instance.worker.postMessage(invocation.request)
  }

  /** The code is loaded and the handler runs: from now on the function's own time limit applies. */
  private startTimeLimit(pool: FunctionPool, instance: Instance, started: InvocationStarted): void {
    const invocation = instance.current
    if (!invocation || invocation.request.invocationId !== started.invocationId) return
    this.limitTime(pool, instance, invocation.request.timeoutMs)
  }

  private limitTime(pool: FunctionPool, instance: Instance, limitMs: number): void {
    const functionName = instance.current?.request.functionName ?? ''
    if (instance.timer) clearTimeout(instance.timer)
    instance.timer = setTimeout(() => this.fail(pool, instance, functionTimedOut(functionName, limitMs)), limitMs)
  }

  private finish(pool: FunctionPool, instance: Instance, reply: InvocationReply): void {
    const invocation = instance.current
    if (!invocation || invocation.request.invocationId !== reply.invocationId) return
    this.release(instance)
    if (reply.ok) invocation.resolve(reply.result)
    else invocation.reject(functionFailed(invocation.request.functionName, reply.message))
    pool.idle.push(instance)
    this.dispatch(pool)
  }

  /**
   * An instance that timed out or crashed is discarded: its state can no longer be trusted. The caller hears of
   * the failure once the instance has stopped, so nothing the invocation does comes after its answer (requests it
   * had already sent may still be served, as on CloudBase).
   */
  private fail(pool: FunctionPool, instance: Instance, error: InvocationError): void {
    if (!pool.instances.delete(instance)) return
    const invocation = instance.current
    this.release(instance)
    const idleIndex = pool.idle.indexOf(instance)
    if (idleIndex >= 0) pool.idle.splice(idleIndex, 1)
    void instance.worker.terminate().finally(() => invocation?.reject(error))
    if (!this.stopped) this.dispatch(pool)
  }

  private release(instance: Instance): void {
    if (instance.timer) clearTimeout(instance.timer)
    instance.timer = null
    instance.current = null
  }

  private async retirePool(functionName: string): Promise<void> {
    const pool = this.pools.get(functionName)
    if (!pool) return
    this.pools.delete(functionName)
    for (const waiting of pool.queue.splice(0))
      waiting.reject(functionFailed(functionName, 'the function was reloaded'))
    const instances = [...pool.instances]
    for (const instance of instances)
      this.fail(pool, instance, functionFailed(functionName, 'the function was reloaded'))
    await Promise.all(instances.map((instance) => instance.worker.terminate()))
  }
}

export { InvocationError }

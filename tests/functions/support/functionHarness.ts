/**
 * Cloud functions as they run for real: the built bundles on the function host, the real
 * wx-server-sdk, the database emulator, the demo seed. Tests call actions as a given OPENID, at a
 * given instant, and read the database through the same SDK to check invariants afterwards.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type AnyActionContract,
  API,
  type ApiEnvelope,
  type FunctionName,
  ROUTER_ERROR_CODES,
} from '@shared/contracts'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../../emulator/developmentSecrets'
import { clientCaller, functionCaller } from '../../../emulator/functions/identity'
import { type LocalCloud, startLocalCloud } from '../../../emulator/localCloud'
import { seedDemo } from '../../../emulator/seed/seedDemo'
import { expectLedgerMatchesBalances } from './invariants'

export interface CallOptions {
  /** The caller's OPENID; null for a call without a user (another function, a timer). */
  readonly as: string | null
  /** The simulated instant of the call; the real time when absent. */
  readonly atMs?: number
  /**
   * A fault: a shorter time limit for this invocation (ms), so that it may be killed part-way; the call
   * then rejects with the platform's timeout error (`InvocationError`, errCode -504003).
   */
  readonly timeLimitMs?: number
}

export interface FunctionHarnessOptions {
  /**
   * Where the database lives: in memory (the default), or in a temporary file, deleted when the harness
   * stops, which the database can crash and recover on (`cloud.database.crash()`, `restart()`).
   */
  readonly storage?: 'memory' | 'file'
  /** Drop what the functions log (for tests that make them fail on purpose). */
  readonly discardFunctionLogs?: boolean
}

export interface FunctionHarness {
  readonly cloud: LocalCloud
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands.
  readonly db: any
  call<F extends FunctionName, A extends ActionName<F>>(
    functionName: F,
    action: A,
    input: ActionInput<F, A>,
    options: CallOptions,
  ): Promise<ApiEnvelope<ActionOutput<F, A>>>
  /** Calls with an arbitrary payload, for bad-input tests the types would otherwise refuse. */
  callRaw(functionName: string, event: unknown, options: CallOptions): Promise<unknown>
  /**
   * Starts every instance of a function and loads its code, so the race that follows really races:
   * requests queued behind cold starts arrive one by one and prove nothing.
   */
  warm(functionName: FunctionName): Promise<void>
  /** Runs `work` alone and answers how many database requests it made. */
  countRequests(work: () => Promise<unknown>): Promise<number>
  /** Empties the database (bringing a crashed one back first) and seeds the demo store chain again. */
  reset(): Promise<void>
  stop(): Promise<void>
}

/**
 * Every refusal an action answers must be one its contract lists (or the router's own): checked on
 * every call the tests make, so a new failure path that the contract (and so the client) does not
 * know about fails the test that reaches it.
 */
function expectListedCode(contract: AnyActionContract, answer: ApiEnvelope<unknown>, name: string): void {
  if (answer.ok) return
  const listed: readonly string[] = [...contract.errors, ...ROUTER_ERROR_CODES]
  if (!listed.includes(answer.code)) {
    throw new Error(`${name} answered ${answer.code}, which its contract does not list: ${listed.join(', ')}`)
  }
}

/** Instances each function runs at once in tests: as many as a race test warms. */
export const TEST_INSTANCES_PER_FUNCTION = 8

export async function startFunctionHarness(options: FunctionHarnessOptions = {}): Promise<FunctionHarness> {
  const folder = options.storage === 'file' ? mkdtempSync(path.join(tmpdir(), 'function-harness-')) : null
  const cloud = await startLocalCloud({
    functionEnvironment: DEVELOPMENT_FUNCTION_ENVIRONMENT,
    instancesPerFunction: TEST_INSTANCES_PER_FUNCTION,
    discardFunctionLogs: options.discardFunctionLogs ?? false,
    ...(folder === null ? {} : { storage: { kind: 'file', path: path.join(folder, 'database.sqlite') } }),
  })
  Object.assign(process.env, cloud.sdkEnvironment)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()
  await seedDemo(db, Date.now())

  const callRaw = (functionName: string, event: unknown, options: CallOptions) =>
    cloud.functions.invoke(
      functionName,
      event,
      options.as === null ? functionCaller(undefined) : clientCaller(options.as),
      {
        ...(options.atMs === undefined ? {} : { clockMs: options.atMs }),
        ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
      },
    )

  return {
    cloud,
    db,
    callRaw,
    async call(functionName, action, input, options) {
      const answer = (await callRaw(functionName, { action, input }, options)) as ApiEnvelope<never>
      expectListedCode(API[functionName][action] as AnyActionContract, answer, `${functionName}.${action}`)
      return answer
    },
    async warm(functionName) {
      // As many calls at once as there are instances: each is dispatched to its own instance. An
      // unknown action loads the bundle and the SDK but touches no data.
      const answers = await Promise.all(
        Array.from({ length: TEST_INSTANCES_PER_FUNCTION }, () =>
          callRaw(functionName, { action: 'warmUp' }, { as: 'o-warm-up' }),
        ),
      )
      const cold = answers.filter((answer) => (answer as ApiEnvelope<never>).ok !== false)
      if (cold.length > 0) throw new Error(`warming ${functionName} got unexpected answers`)
    },
    async countRequests(work) {
      const before = cloud.database.requestCounts().total
      await work()
      return cloud.database.requestCounts().total - before
    },
    async reset() {
      // A test that failed during a database outage leaves the database down for the next.
      if (cloud.database.crashed) await cloud.database.recover()
      cloud.database.reset()
      await seedDemo(db, Date.now())
    },
    async stop() {
      await cloud.stop()
      if (folder !== null) rmSync(folder, { recursive: true, force: true })
    },
  }
}

/**
 * One harness for a test file: started before the first test, emptied and re-seeded before each
 * test, checked after each test for the ledger invariant (every balance equals its ledger sum),
 * and stopped after the last. The returned object forwards to the running harness.
 */
export function useFunctionHarness(options: FunctionHarnessOptions = {}): FunctionHarness {
  let running: FunctionHarness | null = null
  const current = (): FunctionHarness => {
    if (!running) throw new Error('the function harness is used outside a test')
    return running
  }
  beforeAll(async () => {
    running = await startFunctionHarness(options)
  })
  afterAll(() => running?.stop())
  beforeEach(() => current().reset())
  afterEach(() => expectLedgerMatchesBalances(current()))
  return new Proxy({} as FunctionHarness, { get: (_target, property) => current()[property as keyof FunctionHarness] })
}

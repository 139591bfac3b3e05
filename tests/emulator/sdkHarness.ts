import { DatabaseEmulator, type DatabaseEmulatorOptions, sdkEnvironment } from '../../emulator'

/** The real wx-server-sdk module, typed by its own declarations. */
export type Cloud = typeof import('wx-server-sdk')

/** A started emulator and the real SDK pointed at it through environment variables alone. */
export interface Harness {
  readonly emulator: DatabaseEmulator
  readonly cloud: Cloud
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands and transactions.
  readonly db: any
}

/** The environment id the tests run in. */
export const TEST_ENV_ID = 'test-env'

/** Starts an in-memory emulator on a free port, sets process.env for the SDK, and initialises the real SDK. */
export async function startHarness(options: DatabaseEmulatorOptions = {}): Promise<Harness> {
  const emulator = new DatabaseEmulator({ envId: TEST_ENV_ID, ...options })
  const info = await emulator.start()
  Object.assign(process.env, sdkEnvironment({ emulatorUrl: info.url, envId: TEST_ENV_ID }))
  const cloud: Cloud = require('wx-server-sdk')
  // The SDK declares DYNAMIC_CURRENT_ENV a symbol but init's env a string; the runtime accepts the symbol.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return { emulator, cloud, db: cloud.database() }
}

/** What a failed SDK call rejects with. */
export interface SdkFailure {
  readonly errCode: number
  readonly errMsg: string
  /** The CloudBase code, when the error came through @cloudbase/node-sdk. */
  readonly code?: string
}

/** Awaits a promise expected to reject and answers the rejection. */
export async function failureOf(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise
  } catch (error) {
    return error as SdkFailure
  }
  throw new Error('expected the SDK call to fail, but it succeeded')
}

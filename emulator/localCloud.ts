/**
 * The whole local cloud in one call: the database emulator, and the function host whose instances
 * run the real wx-server-sdk against it. `npm start`, the function tests and the benchmarks all
 * start the system this way, so they exercise the same wiring.
 */
import path from 'node:path'
import { DatabaseEmulator, type StorageLocation } from './database'
import { sdkEnvironment } from './environment'
import { FunctionHost } from './functions/host'
import { functionCaller } from './functions/identity'
import type { FileStorageLocation } from './storage'

/** The CloudBase environment id of the local cloud. */
export const LOCAL_ENV_ID = 'local-dev'
/** Where the built cloud functions live. */
export const CLOUD_FUNCTIONS_ROOT = path.resolve(__dirname, '..', 'cloudfunctions')

export interface LocalCloudOptions {
  readonly storage?: StorageLocation
  /** Where cloud storage keeps uploaded files. @default in memory */
  readonly files?: FileStorageLocation
  readonly databasePort?: number
  readonly functionsRoot?: string
  readonly instancesPerFunction?: number
  /** Extra variables every function instance sees (e.g. the member-code signing secret). */
  readonly functionEnvironment?: Readonly<Record<string, string>>
  /** Simulated network delay of every database request (`DatabaseEmulatorOptions.requestDelayMs`). @default 0 */
  readonly requestDelayMs?: number
  /** Drop what functions log (`FunctionHostOptions.discardLogs`). @default false */
  readonly discardFunctionLogs?: boolean
}

export interface LocalCloud {
  readonly database: DatabaseEmulator
  readonly functions: FunctionHost
  /** The variables that point a wx-server-sdk in this process at the local database. */
  readonly sdkEnvironment: Readonly<Record<string, string>>
  stop(): Promise<void>
}

/** Starts the database emulator and a function host wired to it. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  let host: FunctionHost | null = null
  const database = new DatabaseEmulator({
    envId: LOCAL_ENV_ID,
    storage: options.storage ?? { kind: 'memory' },
    ...(options.files === undefined ? {} : { files: options.files }),
    ...(options.databasePort === undefined ? {} : { port: options.databasePort }),
    ...(options.requestDelayMs === undefined ? {} : { requestDelayMs: options.requestDelayMs }),
    // A function's own cloud.callFunction reaches the emulator, which hands it back to the host
    // with the caller's source extended by `scf`, as CloudBase does.
    functions: (name, data, caller) => {
      if (!host) throw new Error('the function host is not running')
      const parent = caller.invocationId ? host.identityOf(caller.invocationId) : null
      return host.invoke(name, data, functionCaller(parent?.source))
    },
  })
  const { url } = await database.start()
  const environment = sdkEnvironment({ emulatorUrl: url, envId: LOCAL_ENV_ID })
  host = new FunctionHost({
    functionsRoot: options.functionsRoot ?? CLOUD_FUNCTIONS_ROOT,
    environment: { ...environment, ...options.functionEnvironment },
    ...(options.instancesPerFunction === undefined ? {} : { instancesPerFunction: options.instancesPerFunction }),
    ...(options.discardFunctionLogs === undefined ? {} : { discardLogs: options.discardFunctionLogs }),
  })
  const functions = host
  return {
    database,
    functions,
    sdkEnvironment: environment,
    async stop() {
      await functions.stop()
      await database.stop()
    },
  }
}

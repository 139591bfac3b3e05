import { CREDENTIAL_VARIABLES } from '../../deploy/credentialVariables'
import type { Cloud } from '../emulator/sdkHarness'
import { missingCloudVariables } from './cloudVariables'
import { CONTRACT_COLLECTIONS, type ConformanceTarget } from './target'

/** How far CloudBase's clock may be from this machine's, for server dates. */
const CLOCK_TOLERANCE_MS = 120_000
/** Documents removed per request while emptying a collection. */
const REMOVE_ROUNDS_MAX = 20

/** The real SDK pointed at the environment CLOUDBASE_TEST_ENV_ID with the deployer's API key pair. */
export function cloudTarget(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ConformanceTarget {
  let cloud: Cloud | undefined
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands.
  let db: any
  const runId = Date.now().toString(36)
  let collectionCount = 0
  return {
    name: 'cloud',
    async start() {
      const missing = missingCloudVariables(environment)
      if (missing.length > 0) throw new Error(`the cloud target needs ${missing.join(', ')}`)
      // Nothing may still point the SDK at an emulator.
      for (const name of ['TCB_CONTEXT_CNFG', 'TENCENTCLOUD', 'TCB_CONTEXT_KEYS', 'TCB_SEQID']) delete process.env[name]
      cloud = require('wx-server-sdk') as Cloud
      const [secretId, secretKey] = CREDENTIAL_VARIABLES.map((name) => environment[name])
      cloud.init({ env: environment.CLOUDBASE_TEST_ENV_ID, secretId, secretKey } as Parameters<Cloud['init']>[0])
      db = cloud.database()
    },
    async stop() {},
    async reset() {
      const _ = db.command
      for (const collection of CONTRACT_COLLECTIONS) {
        for (let round = 0; round < REMOVE_ROUNDS_MAX; round += 1) {
          const { stats } = await db
            .collection(collection)
            .where({ _id: _.exists(true) })
            .remove()
          if (stats.removed === 0) break
        }
      }
    },
    get cloud() {
      if (!cloud) throw new Error('the cloud target is not started')
      return cloud
    },
    get db() {
      return db
    },
    serverClock: () => ({ nowMs: Date.now(), toleranceMs: CLOCK_TOLERANCE_MS }),
    freshCollectionName(stem) {
      collectionCount += 1
      return `${stem}_${runId}_${collectionCount}`
    },
  }
}

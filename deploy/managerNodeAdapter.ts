/**
 * The real management boundary: @cloudbase/manager-node for functions, collections, indexes and
 * rules, and wx-server-sdk (already a dependency) with the same API key pair for the seed documents.
 * manager-node is loaded only here, only when a real deploy runs, so `--dry-run` and the tests need
 * neither it nor a network. It is not a devDependency (about 90 dependencies with archiver, COS SDK
 * and friends): `npm install --no-save @cloudbase/manager-node@5` before the first real deploy.
 *
 * API used (manager-node 5.x docs, docs/database.md and docs/function.md of
 * TencentCloudBase/cloudbase-manager-node): database.createCollectionIfNotExists,
 * database.checkIndexExists, database.updateCollection(name, { CreateIndexes: [{ IndexName,
 * MgoKeySchema: { MgoIsUnique, MgoIndexKeys: [{ Name, Direction }] } }] }); functions.getFunctionDetail,
 * createFunction({ func, functionRootPath, force }), updateFunctionCode({ func, functionRootPath }),
 * updateFunctionConfig(func), createFunctionTriggers(name, triggers); commonService().call with the
 * TCB cloud API actions ModifySafeRule (database rule, AclTag CUSTOM, Rule as a JSON string whose
 * false values are JSON booleans) and ModifyStorageSafeRule (the bucket from env.getEnvInfo(), which the functions
 * also get as STORAGE_BUCKET).
 */
import type { IndexDeclaration } from '../emulator/database/indexes'
import type { SecurityRule, TimerTrigger } from './configuration'
import type { Credentials } from './environment'
import type { CloudManagement, FunctionUpload } from './management'

/** The package and the command that installs it, for the error a missing install gives. */
export const MANAGER_PACKAGE = '@cloudbase/manager-node'
export const MANAGER_INSTALL = `npm install --no-save ${MANAGER_PACKAGE}@5`

// biome-ignore lint/suspicious/noExplicitAny: manager-node is loaded at run time and is not installed for typechecks.
type Untyped = any

function loadManager(): Untyped {
  try {
    return require(MANAGER_PACKAGE)
  } catch {
    throw new Error(`${MANAGER_PACKAGE} is not installed; run: ${MANAGER_INSTALL}`)
  }
}

function functionOf(upload: FunctionUpload): Record<string, unknown> {
  const { deployment } = upload
  return {
    name: deployment.name,
    runtime: deployment.runtime,
    timeout: deployment.timeoutS,
    memorySize: deployment.memorySizeMb,
    handler: deployment.handler,
    installDependency: deployment.installDependency,
    ignore: [...deployment.ignore],
    envVariables: { ...upload.environmentVariables },
  }
}

function createIndexOptionOf(index: IndexDeclaration): Record<string, unknown> {
  return {
    CreateIndexes: [
      {
        IndexName: index.name,
        MgoKeySchema: {
          MgoIsUnique: index.unique,
          MgoIndexKeys: index.fields.map((field) => ({ Name: field.field, Direction: String(field.direction) })),
        },
      },
    ],
  }
}

/** Whether the environment has the function: the SDK answers a missing one with ResourceNotFound. */
async function functionExistsIn(manager: Untyped, name: string): Promise<boolean> {
  try {
    await manager.functions.getFunctionDetail(name)
    return true
  } catch (error) {
    if (/ResourceNotFound|not exist/i.test(String((error as { code?: string }).code ?? (error as Error).message))) {
      return false
    }
    throw error
  }
}

/** A management boundary for `envId`, authenticated with the deployer's API key pair. */
export function managerNodeManagement(options: {
  readonly envId: string
  readonly region: string
  readonly credentials: Credentials
}): CloudManagement {
  const CloudBase = loadManager()
  const manager = new (CloudBase.default ?? CloudBase)({
    ...options.credentials,
    envId: options.envId,
    region: options.region,
  })
  const cloud: Untyped = require('wx-server-sdk')
  cloud.init({ env: options.envId, ...options.credentials })
  const db = cloud.database()
  const callApi = (Action: string, Param: Record<string, unknown>) =>
    manager.commonService().call({ Action, Param: { EnvId: options.envId, ...Param } })
  const storageBucket = async (): Promise<string> => {
    const { EnvInfo } = await manager.env.getEnvInfo()
    const bucket = EnvInfo?.Storages?.[0]?.Bucket
    if (!bucket) throw new Error('the environment has no storage bucket')
    return String(bucket)
  }
  return {
    async ensureCollection(collection) {
      const result = await manager.database.createCollectionIfNotExists(collection)
      return result?.IsCreated === true
    },
    async setDatabaseRule(collection: string, rule: SecurityRule) {
      await callApi('ModifySafeRule', { CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) })
    },
    async setStorageRule(rule: SecurityRule) {
      const bucket = await storageBucket()
      await callApi('ModifyStorageSafeRule', { Bucket: bucket, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) })
    },
    storageBucket,
    async indexExists(collection, indexName) {
      return (await manager.database.checkIndexExists(collection, indexName))?.Exists === true
    },
    async createIndex(collection, index) {
      await manager.database.updateCollection(collection, createIndexOptionOf(index))
    },
    async documentExists(collection, id) {
      const { data } = await db.collection(collection).where({ _id: id }).limit(1).get()
      return data.length > 0
    },
    async addDocument(collection, document) {
      await db.collection(collection).add({ data: document })
    },
    functionExists: (name) => functionExistsIn(manager, name),
    async createFunction(upload) {
      await manager.functions.createFunction({
        func: functionOf(upload),
        functionRootPath: upload.functionRoot,
        force: false,
      })
    },
    async updateFunctionCode(upload) {
      await manager.functions.updateFunctionCode({ func: functionOf(upload), functionRootPath: upload.functionRoot })
    },
    async updateFunctionConfig(upload) {
      await manager.functions.updateFunctionConfig(functionOf(upload))
    },
    async setTimerTrigger(functionName: string, trigger: TimerTrigger) {
      await manager.functions.createFunctionTriggers(functionName, [trigger])
    },
  }
}

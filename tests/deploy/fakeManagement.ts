import type { CloudManagement, FunctionUpload } from '../../deploy/management'
import type { IndexDeclaration } from '../../emulator/database/indexes'

/** The bucket the fake environment answers. */
export const FAKE_BUCKET = '7072-prod-env-1250000000'

/** One call the deploy made, with the arguments that matter for the assertions. */
export type RecordedCall = readonly [method: keyof CloudManagement, ...details: unknown[]]

/** What the fake environment already has before the deploy. */
export interface FakeState {
  readonly collections?: readonly string[]
  readonly indexes?: readonly string[]
  readonly functions?: readonly string[]
  readonly documents?: readonly string[]
}

/** A recording fake of the management boundary: the one place a fake is right, as no CloudBase is reachable here. */
export function fakeManagement(state: FakeState = {}): { management: CloudManagement; calls: RecordedCall[] } {
  const calls: RecordedCall[] = []
  const collections = new Set(state.collections)
  const indexes = new Set(state.indexes)
  const functions = new Set(state.functions)
  const documents = new Set(state.documents)
  const upload = (method: keyof CloudManagement) => async (value: FunctionUpload) => {
    calls.push([method, value.deployment.name, value.environmentVariables])
    functions.add(value.deployment.name)
  }
  const management: CloudManagement = {
    async ensureCollection(collection) {
      calls.push(['ensureCollection', collection])
      const created = !collections.has(collection)
      collections.add(collection)
      return created
    },
    async setDatabaseRule(collection, rule) {
      calls.push(['setDatabaseRule', collection, rule])
    },
    async setStorageRule(rule) {
      calls.push(['setStorageRule', rule])
    },
    async storageBucket() {
      calls.push(['storageBucket'])
      return FAKE_BUCKET
    },
    async indexExists(collection, indexName) {
      calls.push(['indexExists', `${collection}.${indexName}`])
      return indexes.has(`${collection}.${indexName}`)
    },
    async createIndex(collection, index: IndexDeclaration) {
      calls.push(['createIndex', `${collection}.${index.name}`])
      indexes.add(`${collection}.${index.name}`)
    },
    async documentExists(collection, id) {
      calls.push(['documentExists', `${collection}/${id}`])
      return documents.has(`${collection}/${id}`)
    },
    async addDocument(collection, document) {
      calls.push(['addDocument', `${collection}/${document._id}`, document])
      documents.add(`${collection}/${document._id}`)
    },
    async functionExists(name) {
      calls.push(['functionExists', name])
      return functions.has(name)
    },
    createFunction: upload('createFunction'),
    updateFunctionCode: upload('updateFunctionCode'),
    updateFunctionConfig: upload('updateFunctionConfig'),
    async setTimerTrigger(functionName, trigger) {
      calls.push(['setTimerTrigger', functionName, trigger])
    },
  }
  return { management, calls }
}

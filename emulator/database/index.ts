export { type DocumentObject, parseEjson, stringifyEjson, type Value } from './ejson'
export { DatabaseError, type DatabaseErrorCode, functionNotFound } from './errors'
export type { CallerIdentity, FunctionHandler } from './functions'
export {
  INDEX_DECLARATIONS_PATH,
  type IndexDeclaration,
  type IndexDeclarations,
  type IndexField,
  loadIndexDeclarations,
  parseIndexDeclarations,
} from './indexes'
export { AGGREGATE_LIMIT_DEFAULT, QUERY_LIMIT_DEFAULT, QUERY_LIMIT_MAX } from './operations'
export type { InvocationTally, RequestCountReport, RequestTally } from './requestCounts'
export { DatabaseEmulator, type DatabaseEmulatorOptions, EMULATOR_ROUTE_PREFIX, REQUEST_DELAY_MS_MAX } from './server'
export type { StorageLocation } from './state'
export { TRANSACTION_LIFETIME_MS } from './transactions'

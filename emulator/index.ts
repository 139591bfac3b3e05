export {
  type CallerIdentity,
  DatabaseEmulator,
  type DatabaseEmulatorOptions,
  type FunctionHandler,
  functionNotFound,
  type RequestCountReport,
  type StorageLocation,
} from './database'
export { EMULATOR_SECRET_ID, EMULATOR_SECRET_KEY, type SdkEnvironmentOptions, sdkEnvironment } from './environment'
export {
  EXPLICIT_PHONE_PREFIX,
  OUTBOX_COLLECTION,
  type OutboxMessage,
  testPhoneNumberOf,
  wxacodeTextOf,
} from './openapi'
export type { Emulator, EmulatorInfo } from './types'

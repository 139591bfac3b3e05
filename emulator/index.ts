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
export {
  cloudPathOfFileId,
  type FileStorageLocation,
  fileIdOf,
  OBJECT_BYTES_MAX,
  TEMP_URL_MAX_AGE_DEFAULT_S,
} from './storage'
export type { Emulator, EmulatorInfo } from './types'

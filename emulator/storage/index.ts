export { handleObjectRoute, isObjectRoute, OBJECT_BYTES_MAX } from './cosRoutes'
export { FILE_NOT_EXIST_CODE } from './errors'
export {
  BATCH_FILES_MAX,
  OBJECT_ROUTE_PREFIX,
  STORAGE_OPERATIONS,
  type StorageContext,
  TEMP_URL_MAX_AGE_DEFAULT_S,
  UPLOAD_URL_LIFETIME_MS,
} from './operations'
export { bucketOf, CLOUD_PATH_LENGTH_MAX, cloudPathOfFileId, cloudPathProblem, fileIdOf } from './paths'
export { UrlSigner } from './signing'
export { type FileStorageLocation, FileStore, type StoredFile } from './state'

import { invalidParam } from '../database/errors'

/** CloudBase refuses longer cloud paths. */
export const CLOUD_PATH_LENGTH_MAX = 850

/** The bucket name the emulator answers in file ids (production: `<hex of env>-<env>-<appid>`). */
export function bucketOf(envId: string): string {
  return `${envId}-local-bucket`
}

/** `cloud://<env>.<bucket>/<path>`, the file id CloudBase answers for an upload. */
export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`
}

/** The cloud path a file id of this environment names, or null for another environment's or a malformed id. */
export function cloudPathOfFileId(envId: string, fileId: string): string | null {
  const prefix = `cloud://${envId}.${bucketOf(envId)}/`
  if (typeof fileId !== 'string' || !fileId.startsWith(prefix)) return null
  const cloudPath = fileId.slice(prefix.length)
  return cloudPathProblem(cloudPath) === null ? cloudPath : null
}

/** Why a cloud path is refused, or null: no leading `/`, no empty, `.` or `..` segments, no `?`, `#`, `\` or controls. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'the cloud path is empty'
  if (cloudPath.length > CLOUD_PATH_LENGTH_MAX) return `the cloud path is longer than ${CLOUD_PATH_LENGTH_MAX}`
  if (cloudPath.startsWith('/')) return 'the cloud path must not start with /'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[?#\\\u0000-\u001f\u007f]/.test(cloudPath)) return 'the cloud path contains ?, #, \\ or a control character'
  if (cloudPath.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'the cloud path has an empty, . or .. segment'
  }
  return null
}

/** Throws INVALID_PARAM for a refused cloud path. */
export function checkedCloudPath(cloudPath: unknown): string {
  const problem = cloudPathProblem(cloudPath)
  if (problem !== null) throw invalidParam(problem)
  return cloudPath as string
}

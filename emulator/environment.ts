import { STORAGE_BUCKET_VARIABLE } from '@shared/storage'
import { bucketOf } from './storage/paths'

/** The dummy credentials the SDK insists on; the emulator never checks signatures. */
export const EMULATOR_SECRET_ID = 'emulator-secret-id'
/** See {@link EMULATOR_SECRET_ID}. */
export const EMULATOR_SECRET_KEY = 'emulator-secret-key'

/** What points the real wx-server-sdk at a local emulator. */
export interface SdkEnvironmentOptions {
  /** The emulator's base URL, e.g. `http://127.0.0.1:9710` (from `emulator.info().url`). */
  readonly emulatorUrl: string
  /** The CloudBase environment id the code believes it runs in. */
  readonly envId: string
  /** Identifies one cloud-function invocation in request counts (sent by the SDK as the seqId prefix). */
  readonly invocationId?: string
}

/**
 * The environment variables that make the real wx-server-sdk (with `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`)
 * talk to the emulator, so function code is byte-identical locally and in production:
 * - TCB_CONTEXT_CNFG: the SDK reads the service URL from it on every request.
 * - TCB_ENV / SCF_NAMESPACE: DYNAMIC_CURRENT_ENV resolves to them; TCB_CONTEXT_KEYS makes the SDK read TCB_ENV and
 *   TCB_SEQID at all (CloudBase sets it the same way).
 * - TCB_SEQID: the SDK sends `seqId=<TCB_SEQID>-<eventId>`, which the emulator counts requests by.
 * - TENCENTCLOUD_SECRETID / _SECRETKEY: without credentials the SDK crashes the process with an unhandled rejection.
 * - TENCENTCLOUD=true: without it every request first waits on two cloud metadata look-ups.
 * - STORAGE_BUCKET: the bucket file ids name, which functions build an upload's file id from (the deploy sets the
 *   real one).
 */
export function sdkEnvironment(options: SdkEnvironmentOptions): Record<string, string> {
  const environment: Record<string, string> = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${options.emulatorUrl}/admin` }),
    TCB_ENV: options.envId,
    SCF_NAMESPACE: options.envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID',
    TENCENTCLOUD_SECRETID: EMULATOR_SECRET_ID,
    TENCENTCLOUD_SECRETKEY: EMULATOR_SECRET_KEY,
    TENCENTCLOUD: 'true',
    [STORAGE_BUCKET_VARIABLE]: bucketOf(options.envId),
  }
  if (options.invocationId !== undefined) environment.TCB_SEQID = options.invocationId
  return environment
}

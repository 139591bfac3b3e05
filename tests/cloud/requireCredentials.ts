import { CLOUD_TARGET_VARIABLES, missingCloudVariables } from '../conformance/cloudVariables'

/**
 * jest's globalSetup for `npm run test:cloud`: without every variable the cloud target needs, it says
 * which are missing and stops before any test runs, so a missing credential is never a skipped test.
 */
export default function requireCredentials(): void {
  const missing = missingCloudVariables(process.env)
  if (missing.length === 0) return
  process.stderr.write(
    [
      `npm run test:cloud needs ${missing.join(', ')} (all of: ${CLOUD_TARGET_VARIABLES.join(', ')}).`,
      'TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY: a Tencent Cloud API key pair;',
      'CLOUDBASE_TEST_ENV_ID: a test environment deployed with npm run deploy (its members and ledger are emptied).',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

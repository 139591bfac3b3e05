import { CREDENTIAL_VARIABLES } from '../../deploy/credentialVariables'

/**
 * The variables the cloud target needs. The environment must be a test environment deployed with
 * `npm run deploy -- --env <it>` (collections and unique indexes): the contracts empty the
 * collections they write before every test.
 */
export const CLOUD_TARGET_VARIABLES = [...CREDENTIAL_VARIABLES, 'CLOUDBASE_TEST_ENV_ID'] as const

/** The variables of CLOUD_TARGET_VARIABLES that are missing, in order. */
export function missingCloudVariables(environment: Readonly<Record<string, string | undefined>>): readonly string[] {
  return CLOUD_TARGET_VARIABLES.filter((name) => !environment[name])
}

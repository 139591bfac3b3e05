/**
 * What a deploy takes from the deployer's environment, and what it refuses: no environment id, no
 * API key pair, a missing secret, a secret shorter than the functions accept, or any value the
 * repository itself publishes (the development secrets of the local cloud, the emulator's dummy key
 * pair), since anyone can read those and sign codes with them.
 */
import {
  CODE_SECRET_LENGTH_MIN,
  CODE_SECRET_VARIABLE,
  PREVIOUS_CODE_SECRET_VARIABLE,
} from '../cloudfunctions/common/codeSigning'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../emulator/developmentSecrets'
import { EMULATOR_SECRET_ID, EMULATOR_SECRET_KEY } from '../emulator/environment'
import type { DeployConfiguration } from './configuration'
import { CREDENTIAL_VARIABLES } from './credentialVariables'

/** The variable cloudbaserc.json's `{{env.CLOUDBASE_ENV_ID}}` names; `--env` overrides it. */
const PLACEHOLDER_PATTERN = /^\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}$/

type Environment = Readonly<Record<string, string | undefined>>

/** The Tencent Cloud API key pair. */
export interface Credentials {
  readonly secretId: string
  readonly secretKey: string
}

/** The environment id to deploy to: `--env`, else cloudbaserc.json's envId with `{{env.X}}` filled in. */
export function resolveEnvId(template: string, fromArguments: string | undefined, environment: Environment): string {
  if (fromArguments) return fromArguments
  const placeholder = PLACEHOLDER_PATTERN.exec(template)
  if (!placeholder) return template
  const value = environment[placeholder[1] as string]
  if (!value) throw new Error(`no environment to deploy to: pass --env <envId> or set ${placeholder[1]}`)
  return value
}

const publishedValues = new Set<string>([
  ...Object.values(DEVELOPMENT_FUNCTION_ENVIRONMENT),
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
])

/** The values of every declared secret that is set, and one line per problem found. */
export function secretsOf(
  configuration: DeployConfiguration,
  environment: Environment,
): { readonly values: Readonly<Record<string, string>>; readonly problems: readonly string[] } {
  const values: Record<string, string> = {}
  const problems: string[] = []
  for (const secret of configuration.secrets) {
    const value = environment[secret.name]
    if (!value) {
      if (secret.required) problems.push(`${secret.name} is not set`)
      continue
    }
    if (publishedValues.has(value)) problems.push(`${secret.name} is a development value from the repository`)
    else if (value.length < CODE_SECRET_LENGTH_MIN) {
      problems.push(`${secret.name} is shorter than ${CODE_SECRET_LENGTH_MIN} characters`)
    } else values[secret.name] = value
  }
  const current = environment[CODE_SECRET_VARIABLE]
  if (current && current === environment[PREVIOUS_CODE_SECRET_VARIABLE]) {
    problems.push(`${PREVIOUS_CODE_SECRET_VARIABLE} equals ${CODE_SECRET_VARIABLE}: a rotation needs a new secret`)
  }
  return { values, problems }
}

/** The API key pair, or the problems that keep it from being used. */
export function credentialsOf(environment: Environment): { credentials?: Credentials; problems: readonly string[] } {
  const problems: string[] = []
  for (const name of CREDENTIAL_VARIABLES) {
    const value = environment[name]
    if (!value) problems.push(`${name} is not set`)
    else if (publishedValues.has(value)) problems.push(`${name} is the emulator's dummy value`)
  }
  if (problems.length > 0) return { problems }
  const [secretId = '', secretKey = ''] = CREDENTIAL_VARIABLES.map((name) => environment[name] ?? '')
  return { credentials: { secretId, secretKey }, problems }
}

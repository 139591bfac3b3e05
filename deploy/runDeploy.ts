/**
 * `npm run deploy -- --env <envId> [--dry-run] [--seed --brand-name <name> --store-name <name>]
 * [--function <name>]`: reads the repository's configuration, prints the plan, and (unless a dry
 * run) refuses without credentials and secrets, builds the function bundles and applies the plan.
 * Everything outside the repository (environment, clock, build, management API, output) comes in as
 * `DeployDependencies`, so the tests drive it with a fake management boundary.
 */
import { parseArgs } from 'node:util'
import { applyPlan } from './apply'
import { readDeployConfiguration } from './configuration'
import { type Credentials, credentialsOf, resolveEnvId, secretsOf } from './environment'
import type { CloudManagement } from './management'
import { formatPlan, type PlanOptions, planDeploy } from './plan'

/** What a deploy takes from outside the repository. */
export interface DeployDependencies {
  readonly root: string
  readonly environment: Readonly<Record<string, string | undefined>>
  readonly log: (line: string) => void
  readonly build: () => Promise<void>
  readonly createManagement: (options: { envId: string; region: string; credentials: Credentials }) => CloudManagement
  readonly nowMs: () => number
  readonly newInviteCode: () => string
}

const OPTIONS = {
  env: { type: 'string' },
  'dry-run': { type: 'boolean' },
  seed: { type: 'boolean' },
  'brand-name': { type: 'string' },
  'store-name': { type: 'string' },
  function: { type: 'string' },
} as const

function planOptionsOf(values: ReturnType<typeof parseArguments>): PlanOptions {
  const options: { seed?: NonNullable<PlanOptions['seed']>; onlyFunction?: string } = {}
  if (values.function !== undefined) options.onlyFunction = values.function
  if (values.seed) {
    const [brandName, storeName] = [values['brand-name'], values['store-name']]
    if (!brandName || !storeName) throw new Error('--seed needs --brand-name <name> and --store-name <name>')
    if (values.function !== undefined) throw new Error('--seed and --function cannot be combined')
    options.seed = { brandName, storeName }
  }
  return options
}

function parseArguments(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values
}

/** Runs a deploy (or a dry run) and answers the process exit code; a refusal says why and changes nothing. */
export async function runDeploy(argv: readonly string[], dependencies: DeployDependencies): Promise<number> {
  const { log, environment } = dependencies
  try {
    const values = parseArguments(argv)
    const configuration = readDeployConfiguration(dependencies.root)
    const envId = resolveEnvId(configuration.envIdTemplate, values.env, environment)
    const steps = planDeploy(configuration, planOptionsOf(values))
    log(formatPlan(envId, steps))
    const secrets = secretsOf(configuration, environment)
    const credentials = credentialsOf(environment)
    const names = configuration.secrets.map((secret) => `${secret.name}${secret.required ? '' : ' (optional)'}`)
    log(`Secrets, from the deployer's environment (values never printed): ${names.join(', ')}`)
    const problems = [...credentials.problems, ...secrets.problems]
    if (values['dry-run']) {
      for (const problem of problems) log(`A real deploy would refuse: ${problem}`)
      log('Dry run: configuration valid; nothing was built or sent.')
      return 0
    }
    if (problems.length > 0 || !credentials.credentials) {
      for (const problem of problems) log(`Refused: ${problem}`)
      return 1
    }
    await dependencies.build()
    const management = dependencies.createManagement({
      envId,
      region: configuration.region,
      credentials: credentials.credentials,
    })
    await applyPlan(steps, {
      management,
      functionRoot: configuration.functionRoot,
      secretValues: secrets.values,
      nowMs: dependencies.nowMs(),
      newInviteCode: dependencies.newInviteCode,
      log,
    })
    log(`Deployed to ${envId}.`)
    return 0
  } catch (error) {
    log(`Refused: ${(error as Error).message}`)
    return 1
  }
}

/**
 * Everything a deploy needs, read from the repository: `cloudbaserc.json` (environment, function
 * defaults, secret names, storage rule), every `cloudfunctions/<name>/config.json` (timeout, memory,
 * timer triggers), `database/indexes.json` (collections and indexes) and
 * `database/security-rules.json`. Nothing here is written by hand twice: a new function folder, index
 * or collection appears in the plan by itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type IndexDeclaration, parseIndexDeclarations } from '../emulator/database/indexes'

/** A CloudBase database security rule: booleans or rule expressions per operation. */
export type SecurityRule = Readonly<Record<string, boolean | string>>

/** A timer trigger as `config.json` and the CLI declare it (7-field cron, read in UTC+8). */
export interface TimerTrigger {
  readonly name: string
  readonly type: 'timer'
  readonly config: string
}

/** One function as it will be created or updated. */
export interface FunctionDeployment {
  readonly name: string
  readonly runtime: string
  readonly timeoutS: number
  readonly memorySizeMb: number
  readonly handler: string
  readonly installDependency: boolean
  readonly ignore: readonly string[]
  /** Names of the environment variables it gets; values come from the deployer's environment. */
  readonly environmentVariableNames: readonly string[]
  readonly triggers: readonly TimerTrigger[]
  readonly openapiPermissions: readonly string[]
}

/** A secret the functions need, and whether a deploy refuses to run without it. */
export interface SecretDeclaration {
  readonly name: string
  readonly required: boolean
  readonly functions: readonly string[]
}

/** A collection with its indexes and its security rule. */
export interface CollectionDeployment {
  readonly name: string
  readonly indexes: readonly IndexDeclaration[]
  readonly rule: SecurityRule
}

/** The whole environment as the repository describes it. */
export interface DeployConfiguration {
  /** `envId` of cloudbaserc.json, possibly still a `{{env.NAME}}` placeholder. */
  readonly envIdTemplate: string
  readonly region: string
  readonly functionRoot: string
  readonly collections: readonly CollectionDeployment[]
  readonly storageRule: SecurityRule
  readonly functions: readonly FunctionDeployment[]
  readonly secrets: readonly SecretDeclaration[]
}

/** CloudBase's limits a deploy checks before it sends anything. */
export const FUNCTION_TIMEOUT_MAX_S = 60
export const FUNCTION_MEMORY_SIZES_MB = [128, 256, 512, 1024, 2048] as const
export const INDEXES_PER_COLLECTION_MAX = 20
const TRIGGER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/
const CRON_FIELD_COUNT = 7

interface FunctionDefaults {
  readonly runtime: string
  readonly memorySize: number
  readonly timeout: number
  readonly handler: string
  readonly installDependency: boolean
  readonly ignore: readonly string[]
}

interface RcFile {
  readonly envId?: unknown
  readonly region?: unknown
  readonly functionRoot?: unknown
  readonly storeLoyalty?: {
    readonly functionDefaults?: FunctionDefaults
    readonly secrets?: Record<string, { functions?: unknown; required?: unknown }>
    readonly storageRule?: SecurityRule
  }
}

function fail(where: string, problem: string): never {
  throw new Error(`deploy configuration: ${where}: ${problem}`)
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (error) {
    return fail(file, (error as Error).message)
  }
}

function parseRule(raw: unknown, where: string): SecurityRule {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(where, 'a rule must be an object')
  for (const [operation, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'boolean' && typeof value !== 'string')
      fail(where, `${operation} must be a boolean or an expression`)
  }
  return raw as SecurityRule
}

function parseTriggers(raw: unknown, where: string): readonly TimerTrigger[] {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) fail(where, 'triggers must be a list')
  return raw.map((trigger: { name?: unknown; type?: unknown; config?: unknown }, position) => {
    const at = `${where}.triggers[${position}]`
    if (typeof trigger?.name !== 'string' || !TRIGGER_NAME_PATTERN.test(trigger.name)) fail(at, 'bad trigger name')
    if (trigger.type !== 'timer') fail(at, 'only timer triggers are supported')
    if (typeof trigger.config !== 'string' || trigger.config.trim().split(/\s+/).length !== CRON_FIELD_COUNT) {
      fail(at, `config must be a ${CRON_FIELD_COUNT}-field cron expression`)
    }
    return { name: trigger.name, type: 'timer', config: trigger.config }
  })
}

function readFunction(
  folder: string,
  name: string,
  defaults: FunctionDefaults,
  secrets: readonly SecretDeclaration[],
): FunctionDeployment {
  const file = path.join(folder, 'config.json')
  const config = readJson<{ timeout?: unknown; memorySize?: unknown; triggers?: unknown; permissions?: unknown }>(file)
  const timeoutS = config.timeout ?? defaults.timeout
  if (
    typeof timeoutS !== 'number' ||
    !Number.isInteger(timeoutS) ||
    timeoutS < 1 ||
    timeoutS > FUNCTION_TIMEOUT_MAX_S
  ) {
    fail(file, `timeout must be whole seconds between 1 and ${FUNCTION_TIMEOUT_MAX_S}`)
  }
  const memorySizeMb = config.memorySize ?? defaults.memorySize
  if (!FUNCTION_MEMORY_SIZES_MB.includes(memorySizeMb as 256))
    fail(file, `memorySize must be one of ${FUNCTION_MEMORY_SIZES_MB}`)
  const openapi = (config.permissions as { openapi?: unknown } | undefined)?.openapi ?? []
  if (!Array.isArray(openapi)) fail(file, 'permissions.openapi must be a list')
  return {
    name,
    runtime: defaults.runtime,
    timeoutS,
    memorySizeMb: memorySizeMb as number,
    handler: defaults.handler,
    installDependency: defaults.installDependency,
    ignore: defaults.ignore,
    environmentVariableNames: secrets.filter((secret) => secret.functions.includes(name)).map((secret) => secret.name),
    triggers: parseTriggers(config.triggers, file),
    openapiPermissions: openapi.map(String),
  }
}

function readSecrets(rc: RcFile): readonly SecretDeclaration[] {
  return Object.entries(rc.storeLoyalty?.secrets ?? {}).map(([name, secret]) => {
    if (!Array.isArray(secret.functions)) fail(`cloudbaserc.json secrets.${name}`, 'functions must be a list')
    return { name, required: secret.required === true, functions: secret.functions.map(String) }
  })
}

function readCollections(root: string): readonly CollectionDeployment[] {
  const indexes = parseIndexDeclarations(readJson(path.join(root, 'database', 'indexes.json')))
  const rules = readJson<Record<string, unknown>>(path.join(root, 'database', 'security-rules.json'))
  const names = [...new Set([...Object.keys(indexes), ...Object.keys(rules)])].sort()
  return names.map((name) => {
    const declared = indexes[name]
    if (!declared) fail('database/indexes.json', `${name} has a security rule but is not declared`)
    if (!(name in rules)) fail('database/security-rules.json', `${name} has no security rule`)
    if (declared.length > INDEXES_PER_COLLECTION_MAX) fail(name, `more than ${INDEXES_PER_COLLECTION_MAX} indexes`)
    return { name, indexes: declared, rule: parseRule(rules[name], `security rule of ${name}`) }
  })
}

/** Reads and validates the deploy configuration of the repository at `root`; throws naming the first problem. */
export function readDeployConfiguration(root: string): DeployConfiguration {
  const rc = readJson<RcFile>(path.join(root, 'cloudbaserc.json'))
  const defaults = rc.storeLoyalty?.functionDefaults
  if (!defaults) fail('cloudbaserc.json', 'storeLoyalty.functionDefaults is missing')
  if (typeof rc.envId !== 'string' || rc.envId === '') fail('cloudbaserc.json', 'envId is missing')
  const functionRoot = path.resolve(root, typeof rc.functionRoot === 'string' ? rc.functionRoot : 'cloudfunctions')
  const secrets = readSecrets(rc)
  // A function folder is one with a src/index.ts, as scripts/build-functions.mjs bundles them.
  const functions = readdirSync(functionRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(functionRoot, entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFunction(path.join(functionRoot, name), name, defaults, secrets))
  for (const secret of secrets) {
    const unknown = secret.functions.filter((name) => !functions.some((candidate) => candidate.name === name))
    if (unknown.length > 0) fail(`cloudbaserc.json secrets.${secret.name}`, `no function ${unknown.join(', ')}`)
  }
  return {
    envIdTemplate: rc.envId,
    region: typeof rc.region === 'string' ? rc.region : 'ap-shanghai',
    functionRoot,
    collections: readCollections(root),
    storageRule: parseRule(
      rc.storeLoyalty?.storageRule ?? { read: false, write: false },
      'cloudbaserc.json storageRule',
    ),
    functions,
    secrets,
  }
}

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runDeploy } from '../../deploy/runDeploy'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../emulator/developmentSecrets'
import { type FakeState, fakeManagement, type RecordedCall } from './fakeManagement'

/** The repository under test. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..')

/** A deployer's environment with everything a real deploy needs. */
export const COMPLETE_ENVIRONMENT: Readonly<Record<string, string>> = {
  TENCENTCLOUD_SECRETID: 'AKIDdeployer-test-id',
  TENCENTCLOUD_SECRETKEY: 'deployer-test-key',
  MEMBER_CODE_SECRET: 'a-production-secret-of-enough-length',
}

/** The development secret published in the repository. */
export const DEVELOPMENT_SECRET = DEVELOPMENT_FUNCTION_ENVIRONMENT.MEMBER_CODE_SECRET as string

/** The instant the tests deploy at, and the invite code the seed is given. */
export const DEPLOY_NOW_MS = Date.UTC(2025, 2, 1, 2, 0)
export const TEST_INVITE_CODE = 'Inv1te-C0d'

/** What one deploy did. */
export interface DeployRun {
  readonly exitCode: number
  readonly output: string
  readonly calls: readonly RecordedCall[]
  /** Where the build happened among the calls: the number of management calls made before it, or null. */
  readonly builtAfterCalls: number | null
}

/** Runs `npm run deploy -- <argv>` in-process against a recording fake of the management boundary. */
export async function deploy(
  argv: readonly string[],
  options: { environment?: Readonly<Record<string, string>>; state?: FakeState; root?: string } = {},
): Promise<DeployRun> {
  const { management, calls } = fakeManagement(options.state)
  const lines: string[] = []
  let builtAfterCalls: number | null = null
  const exitCode = await runDeploy(argv, {
    root: options.root ?? REPOSITORY_ROOT,
    environment: options.environment ?? COMPLETE_ENVIRONMENT,
    log: (line) => lines.push(line),
    build: async () => {
      builtAfterCalls = calls.length
    },
    createManagement: () => management,
    nowMs: () => DEPLOY_NOW_MS,
    newInviteCode: () => TEST_INVITE_CODE,
  })
  return { exitCode, output: lines.join('\n'), calls, builtAfterCalls }
}

/** A copy of the files a deploy reads (cloudbaserc.json, database/, each function's config and entry). */
export function repositoryCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'deploy-plan-'))
  cpSync(path.join(REPOSITORY_ROOT, 'cloudbaserc.json'), path.join(root, 'cloudbaserc.json'))
  cpSync(path.join(REPOSITORY_ROOT, 'database'), path.join(root, 'database'), { recursive: true })
  for (const name of functionFolders()) {
    mkdirSync(path.join(root, 'cloudfunctions', name, 'src'), { recursive: true })
    cpSync(
      path.join(REPOSITORY_ROOT, 'cloudfunctions', name, 'config.json'),
      path.join(root, 'cloudfunctions', name, 'config.json'),
    )
    cpSync(
      path.join(REPOSITORY_ROOT, 'cloudfunctions', name, 'src', 'index.ts'),
      path.join(root, 'cloudfunctions', name, 'src', 'index.ts'),
    )
  }
  return root
}

/** Edits a JSON file in place. */
export function editJson<T>(file: string, edit: (value: T) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as T
  edit(value)
  writeFileSync(file, JSON.stringify(value, null, 2))
}

/** A JSON file of the repository, e.g. `repositoryJson('database', 'indexes.json')`. */
export const repositoryJson = <T>(...parts: string[]): T =>
  JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, ...parts), 'utf8')) as T

/** How many indexes database/indexes.json declares. */
export function declaredIndexCount(): number {
  return Object.values(repositoryJson<Record<string, unknown[]>>('database', 'indexes.json')).flat().length
}

/** The function folders of the repository: those with a src/index.ts, as the build bundles them. */
export function functionFolders(): readonly string[] {
  const root = path.join(REPOSITORY_ROOT, 'cloudfunctions')
  return readdirSync(root).filter((name) => {
    try {
      return readdirSync(path.join(root, name, 'src')).includes('index.ts')
    } catch {
      return false
    }
  })
}

/** The method names of the calls, in order, with repeats of the same method folded into one. */
export function phasesOf(calls: readonly RecordedCall[]): readonly string[] {
  return calls.map(([method]) => method).filter((method, position, all) => method !== all[position - 1])
}

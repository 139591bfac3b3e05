import path from 'node:path'
import { deploy, editJson, functionFolders, repositoryCopy, repositoryJson } from './support'

describe('deploy --dry-run', () => {
  it('prints a plan with every function, collection, index and rule of the repository, offline', async () => {
    const run = await deploy(['--dry-run', '--env', 'test-env'], { environment: {} })
    expect(run.exitCode).toBe(0)
    expect(run.output).toContain('Deploy plan for CloudBase environment test-env')
    for (const name of functionFolders()) expect(run.output).toMatch(new RegExp(`function +${name}: Nodejs16\\.13`))
    const indexes = repositoryJson<Record<string, { name: string }[]>>('database', 'indexes.json')
    for (const [collection, declared] of Object.entries(indexes)) {
      expect(run.output).toMatch(new RegExp(`collection +${collection}$`, 'm'))
      expect(run.output).toContain(`database rule  ${collection} {"read":false,"write":false}`)
      for (const index of declared) expect(run.output).toContain(`index          ${collection}.${index.name} (`)
    }
    expect(run.output).toContain('storage rule')
    expect(run.calls).toEqual([])
    expect(run.builtAfterCalls).toBeNull()
  })

  it('names the environment variables of each function, never a value', async () => {
    const run = await deploy(['--dry-run', '--env', 'test-env'])
    expect(run.output).toMatch(/function +staff: .*env MEMBER_CODE_SECRET, MEMBER_CODE_SECRET_PREVIOUS/)
    expect(run.output).toMatch(/function +checkin: .*env none/)
    expect(run.output).not.toContain('a-production-secret-of-enough-length')
  })

  it('says what a real deploy would refuse, without failing the dry run', async () => {
    const run = await deploy(['--dry-run', '--env', 'test-env'], { environment: {} })
    expect(run.output).toContain('A real deploy would refuse: MEMBER_CODE_SECRET is not set')
    expect(run.output).toContain('A real deploy would refuse: TENCENTCLOUD_SECRETID is not set')
  })

  it('shows a new index of database/indexes.json without any other edit', async () => {
    const root = repositoryCopy()
    editJson<Record<string, unknown[]>>(path.join(root, 'database', 'indexes.json'), (indexes) => {
      indexes.ledger?.push({ name: 'requestId_unique', fields: [{ field: 'requestId', direction: 1 }], unique: true })
    })
    const run = await deploy(['--dry-run', '--env', 'test-env'], { root })
    expect(run.exitCode).toBe(0)
    expect(run.output).toContain('index          ledger.requestId_unique (requestId asc) unique')
  })

  it('shows a timer trigger declared in a function’s config.json, after every function', async () => {
    const root = repositoryCopy()
    editJson<Record<string, unknown>>(path.join(root, 'cloudfunctions', 'checkin', 'config.json'), (config) => {
      config.triggers = [{ name: 'nightly', type: 'timer', config: '0 30 3 * * * *' }]
    })
    const run = await deploy(['--dry-run', '--env', 'test-env'], { root })
    const lines = run.output.split('\n')
    const trigger = lines.findIndex((line) =>
      line.includes('trigger        checkin.nightly (timer "0 30 3 * * * *", UTC+8)'),
    )
    const lastFunction = lines.map((line) => line.includes('function       ')).lastIndexOf(true)
    expect(trigger).toBeGreaterThan(lastFunction)
  })

  it('refuses a collection with a security rule but no declaration', async () => {
    const root = repositoryCopy()
    editJson<Record<string, unknown>>(path.join(root, 'database', 'security-rules.json'), (rules) => {
      rules.orphans = { read: false, write: false }
    })
    const run = await deploy(['--dry-run', '--env', 'test-env'], { root })
    expect(run.exitCode).toBe(1)
    expect(run.output).toContain('Refused: deploy configuration: database/indexes.json: orphans has a security rule')
  })

  it('refuses a function timeout CloudBase does not allow', async () => {
    const root = repositoryCopy()
    editJson<Record<string, unknown>>(path.join(root, 'cloudfunctions', 'mall', 'config.json'), (config) => {
      config.timeout = 90
    })
    const run = await deploy(['--dry-run', '--env', 'test-env'], { root })
    expect(run.exitCode).toBe(1)
    expect(run.output).toMatch(/mall.config\.json: timeout must be whole seconds between 1 and 60/)
  })

  it('takes the environment id from CLOUDBASE_ENV_ID through cloudbaserc.json’s {{env.CLOUDBASE_ENV_ID}}', async () => {
    const run = await deploy(['--dry-run'], { environment: { CLOUDBASE_ENV_ID: 'from-variable' } })
    expect(run.output).toContain('Deploy plan for CloudBase environment from-variable')
  })
})

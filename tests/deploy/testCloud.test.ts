import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { REPOSITORY_ROOT } from './support'

const JEST = path.join(REPOSITORY_ROOT, 'node_modules', 'jest', 'bin', 'jest.js')

function runCloudJest(environment: Record<string, string>, extra: readonly string[] = []) {
  const { TENCENTCLOUD_SECRETID: _id, TENCENTCLOUD_SECRETKEY: _key, CLOUDBASE_TEST_ENV_ID: _env, ...rest } = process.env
  return spawnSync(process.execPath, [JEST, '--config', 'jest.cloud.config.js', ...extra], {
    cwd: REPOSITORY_ROOT,
    env: { ...rest, ...environment },
    encoding: 'utf8',
  })
}

describe('npm run test:cloud', () => {
  it('refuses to start without credentials and names every variable it needs', () => {
    const run = runCloudJest({ CLOUDBASE_TEST_ENV_ID: 'loyalty-test' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('npm run test:cloud needs TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (all of:')
    expect(run.stderr).not.toContain('Tests:')
  })

  it('runs the contract suites the emulator runs, selected by its own config only', () => {
    const run = runCloudJest(
      { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', CLOUDBASE_TEST_ENV_ID: 'loyalty-test' },
      ['--listTests'],
    )
    const listed = run.stdout
      .trim()
      .split('\n')
      .map((file) => path.relative(REPOSITORY_ROOT, file))
      .sort()
    expect(listed).toEqual(['tests/cloud/database.contract.test.ts', 'tests/cloud/transactions.contract.test.ts'])
  })
})

import { INVITE_TTL_MS } from '@shared/contracts'
import { EMULATOR_SECRET_KEY } from '../../emulator/environment'
import { FAKE_BUCKET } from './fakeManagement'
import {
  COMPLETE_ENVIRONMENT,
  DEPLOY_NOW_MS,
  DEVELOPMENT_SECRET,
  declaredIndexCount,
  deploy,
  functionFolders,
  phasesOf,
  TEST_INVITE_CODE,
} from './support'

const SEED_ARGUMENTS = ['--env', 'prod-env', '--seed', '--brand-name', '新品牌', '--store-name', '新品牌 · 一号店']

describe('deploy to a new environment', () => {
  it('builds first, then rules before data and functions last, and says what it did', async () => {
    const run = await deploy(['--env', 'prod-env'])
    expect(run.exitCode).toBe(0)
    expect(run.builtAfterCalls).toBe(0)
    expect(phasesOf(run.calls)).toEqual([
      'ensureCollection',
      'setDatabaseRule',
      'setStorageRule',
      ...Array.from({ length: declaredIndexCount() }, () => ['indexExists', 'createIndex']).flat(),
      'storageBucket',
      ...functionFolders().flatMap(() => ['functionExists', 'createFunction']),
      'setTimerTrigger',
    ])
    // The jobs function's timer, as its config.json declares it, once its code is there.
    expect(run.calls.filter(([method]) => method === 'setTimerTrigger')).toEqual([
      ['setTimerTrigger', 'jobs', { name: 'dispatch', type: 'timer', config: '0 */10 * * * * *' }],
    ])
    // Steps are numbered out of the plan's length, which the repository's collections and functions decide.
    const steps = /: (\d+) steps$/m.exec(run.output)?.[1]
    expect(steps).toBeDefined()
    expect(run.output).toMatch(new RegExp(`^1/${steps} collection +\\w+: created$`, 'm'))
    expect(run.output).toMatch(new RegExp(`^\\d+/${steps} collection +audit: created$`, 'm'))
    expect(run.output).toMatch(/index +members\.openid_unique \(openid asc\) unique: created$/m)
    expect(run.output).toContain('Deployed to prod-env.')
  })

  it('locks every collection with its rule before any index is built or any function can write', async () => {
    const { calls } = await deploy(['--env', 'prod-env'])
    const lastRule = calls.map(([method]) => method).lastIndexOf('setDatabaseRule')
    const firstIndex = calls.findIndex(([method]) => method === 'createIndex')
    const firstFunction = calls.findIndex(([method]) => method === 'createFunction')
    expect(lastRule).toBeLessThan(firstIndex)
    expect(firstIndex).toBeLessThan(firstFunction)
    expect(calls.filter(([method]) => method === 'setDatabaseRule')).toContainEqual([
      'setDatabaseRule',
      'members',
      { read: false, write: false },
    ])
  })

  it('gives each function the secrets it declares, from the deployer’s environment, and the bucket', async () => {
    const environment = { ...COMPLETE_ENVIRONMENT, MEMBER_CODE_SECRET_PREVIOUS: 'the-secret-before-this-rotation' }
    const { calls } = await deploy(['--env', 'prod-env'], { environment })
    const created = Object.fromEntries(
      calls.filter(([method]) => method === 'createFunction').map(([, name, variables]) => [name, variables]),
    )
    expect(created.staff).toEqual({
      MEMBER_CODE_SECRET: COMPLETE_ENVIRONMENT.MEMBER_CODE_SECRET,
      MEMBER_CODE_SECRET_PREVIOUS: 'the-secret-before-this-rotation',
      STORAGE_BUCKET: FAKE_BUCKET,
    })
    expect(created.member).toEqual({
      MEMBER_CODE_SECRET: COMPLETE_ENVIRONMENT.MEMBER_CODE_SECRET,
      STORAGE_BUCKET: FAKE_BUCKET,
    })
    // The bucket the admin function builds upload file ids with, asked of the environment once.
    expect(created.admin).toEqual({ STORAGE_BUCKET: FAKE_BUCKET })
    expect(created.checkin).toEqual({ STORAGE_BUCKET: FAKE_BUCKET })
    expect(calls.filter(([method]) => method === 'storageBucket')).toHaveLength(1)
  })
})

describe('deploy to an environment deployed before', () => {
  it('creates only what is missing and updates code and config of existing functions', async () => {
    const run = await deploy(['--env', 'prod-env'], {
      state: { collections: ['members'], indexes: ['members.openid_unique'], functions: ['member'] },
    })
    expect(run.calls).toContainEqual(['ensureCollection', 'members'])
    expect(run.calls).not.toContainEqual(['createIndex', 'members.openid_unique'])
    const memberCalls = run.calls.filter(([method, name]) => name === 'member' && method !== 'functionExists')
    expect(memberCalls.map(([method]) => method)).toEqual(['updateFunctionCode', 'updateFunctionConfig'])
    expect(run.output).toMatch(/collection +members: exists$/m)
  })

  it('drops the previous secret from the functions once the deployer no longer sets it', async () => {
    const { calls } = await deploy(['--env', 'prod-env'], { state: { functions: ['staff'] } })
    expect(calls).toContainEqual([
      'updateFunctionConfig',
      'staff',
      { MEMBER_CODE_SECRET: COMPLETE_ENVIRONMENT.MEMBER_CODE_SECRET, STORAGE_BUCKET: FAKE_BUCKET },
    ])
  })

  it('deploys one function alone with --function, for a roll back or forward', async () => {
    const run = await deploy(['--env', 'prod-env', '--function', 'member'], { state: { functions: ['member'] } })
    expect(run.calls.map(([method]) => method)).toEqual([
      'storageBucket',
      'functionExists',
      'updateFunctionCode',
      'updateFunctionConfig',
    ])
  })
})

describe('deploy --seed', () => {
  it('writes the programme, one store and the first admin invite after the indexes and before the functions', async () => {
    const run = await deploy(SEED_ARGUMENTS)
    expect(run.exitCode).toBe(0)
    const written = run.calls.filter(([method]) => method === 'addDocument')
    expect(written.map(([, where]) => where)).toEqual([
      'programme/current',
      'stores/store-1',
      `invites/${TEST_INVITE_CODE}`,
    ])
    expect(written[0]?.[2]).toMatchObject({ brandName: '新品牌', updatedAtMs: DEPLOY_NOW_MS })
    expect(written[1]?.[2]).toMatchObject({ name: '新品牌 · 一号店' })
    expect(written[2]?.[2]).toEqual({
      _id: TEST_INVITE_CODE,
      code: TEST_INVITE_CODE,
      role: 'admin',
      storeId: null,
      createdBy: 'deploy-seed',
      createdAtMs: DEPLOY_NOW_MS,
      expiresAtMs: DEPLOY_NOW_MS + INVITE_TTL_MS,
      usedAtMs: null,
      usedBy: null,
    })
    const phases = phasesOf(run.calls)
    expect(phases.indexOf('addDocument')).toBeGreaterThan(phases.lastIndexOf('createIndex'))
    expect(phases.indexOf('addDocument')).toBeLessThan(phases.indexOf('createFunction'))
    expect(run.output.split(TEST_INVITE_CODE)).toHaveLength(3) // once in the written list, once as the code
  })

  it('writes nothing when the environment already has a programme', async () => {
    const run = await deploy(SEED_ARGUMENTS, { state: { documents: ['programme/current'] } })
    expect(run.calls.filter(([method]) => method === 'addDocument')).toEqual([])
    expect(run.output).toContain('skipped: the environment already has a programme')
    expect(run.output).not.toContain(TEST_INVITE_CODE)
  })

  it('refuses a seed without the brand’s and store’s names', async () => {
    const run = await deploy(['--env', 'prod-env', '--seed'])
    expect(run.exitCode).toBe(1)
    expect(run.output).toContain('Refused: --seed needs --brand-name <name> and --store-name <name>')
  })
})

describe('deploy refusals: nothing is built or sent', () => {
  const { MEMBER_CODE_SECRET: _secret, ...withoutSecret } = COMPLETE_ENVIRONMENT
  const { TENCENTCLOUD_SECRETKEY: _key, ...withoutKey } = COMPLETE_ENVIRONMENT
  it.each([
    [
      'no environment id',
      [],
      COMPLETE_ENVIRONMENT,
      'no environment to deploy to: pass --env <envId> or set CLOUDBASE_ENV_ID',
    ],
    ['no member-code secret', ['--env', 'prod-env'], withoutSecret, 'MEMBER_CODE_SECRET is not set'],
    [
      'the development member-code secret',
      ['--env', 'prod-env'],
      { ...COMPLETE_ENVIRONMENT, MEMBER_CODE_SECRET: DEVELOPMENT_SECRET },
      'MEMBER_CODE_SECRET is a development value from the repository',
    ],
    [
      'the development secret as the previous one',
      ['--env', 'prod-env'],
      { ...COMPLETE_ENVIRONMENT, MEMBER_CODE_SECRET_PREVIOUS: DEVELOPMENT_SECRET },
      'MEMBER_CODE_SECRET_PREVIOUS is a development value from the repository',
    ],
    [
      'a short secret',
      ['--env', 'prod-env'],
      { ...COMPLETE_ENVIRONMENT, MEMBER_CODE_SECRET: 'short' },
      'MEMBER_CODE_SECRET is shorter than 16 characters',
    ],
    [
      'a previous secret equal to the current one',
      ['--env', 'prod-env'],
      { ...COMPLETE_ENVIRONMENT, MEMBER_CODE_SECRET_PREVIOUS: COMPLETE_ENVIRONMENT.MEMBER_CODE_SECRET as string },
      'MEMBER_CODE_SECRET_PREVIOUS equals MEMBER_CODE_SECRET',
    ],
    ['no API key', ['--env', 'prod-env'], withoutKey, 'TENCENTCLOUD_SECRETKEY is not set'],
    [
      'the emulator’s dummy API key',
      ['--env', 'prod-env'],
      { ...COMPLETE_ENVIRONMENT, TENCENTCLOUD_SECRETKEY: EMULATOR_SECRET_KEY },
      "TENCENTCLOUD_SECRETKEY is the emulator's dummy value",
    ],
    ['an unknown option', ['--env', 'prod-env', '--force'], COMPLETE_ENVIRONMENT, "Unknown option '--force'"],
  ])('refuses %s', async (_case, argv, environment, reason) => {
    const run = await deploy(argv, { environment })
    expect(run.exitCode).toBe(1)
    expect(run.output).toContain(`Refused: ${reason}`)
    expect(run.calls).toEqual([])
    expect(run.builtAfterCalls).toBeNull()
  })
})

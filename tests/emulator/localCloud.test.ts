import path from 'node:path'
import { clientCaller } from '../../emulator/functions/identity'
import { type LocalCloud, startLocalCloud } from '../../emulator/localCloud'

// Starting emulators and child processes takes seconds on a loaded 2-core machine; the default 5 s is for unit tests.
jest.setTimeout(30_000)

const fixtures = path.join(__dirname, 'fixtures', 'functions')

describe('the local cloud', () => {
  let cloud: LocalCloud

  beforeAll(async () => {
    cloud = await startLocalCloud({ functionsRoot: fixtures })
  })

  afterAll(() => cloud.stop())

  it('lets a function call another through the real SDK, which sees the chained source and no OPENID', async () => {
    const answer = (await cloud.functions.invoke('caller', { note: 'hi' }, clientCaller('o-chain'))) as {
      me: Record<string, unknown>
      callee: Record<string, unknown>
    }
    expect(answer.me).toMatchObject({ OPENID: 'o-chain', SOURCE: 'wx_client', ENV: 'local-dev' })
    expect(answer.callee.SOURCE).toBe('wx_client,scf')
    expect(answer.callee.OPENID).toBeUndefined()
  })

  it('counts the database requests of each invocation', async () => {
    const before = cloud.database.requestCounts().total
    const { requestId } = (await cloud.functions.invoke('echo', {}, clientCaller('o-count'))) as { requestId: string }
    expect(cloud.database.requestCountsOf(requestId).total).toBe(0)
    await cloud.functions.invoke('caller', { note: 'count me' }, clientCaller('o-count'))
    const report = cloud.database.requestCounts()
    // One insert and one invokeFunction from `caller`; `whoami` itself touches nothing.
    expect(report.total - before).toBe(2)
  })
})

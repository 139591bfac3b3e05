import { sdkEnvironment } from '../../emulator'
import { RequestCounter } from '../../emulator/database/requestCounts'
import { type Harness, startHarness, TEST_ENV_ID } from './sdkHarness'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})
afterAll(() => harness.emulator.stop())
beforeEach(() => {
  harness.emulator.reset()
  delete process.env.TCB_SEQID
})

async function readRoute(path: string): Promise<unknown> {
  const response = await fetch(`${harness.emulator.info().url}${path}`)
  return response.json()
}

describe('request counting', () => {
  it('counts each invocation’s requests by the TCB_SEQID its environment carries', async () => {
    process.env.TCB_SEQID = 'invocation-a'
    await harness.db.collection('members').add({ data: { _id: 'm', openid: 'o' } })
    await harness.db.collection('members').doc('m').get()
    process.env.TCB_SEQID = 'invocation-b'
    await harness.db.collection('members').count()
    expect(await readRoute('/__emulator/requests?invocation=invocation-a')).toEqual({
      invocation: 'invocation-a',
      total: 2,
      byAction: { 'database.insertDocument': 1, 'database.getDocument': 1 },
      rounds: 2,
    })
    expect(harness.emulator.requestCountsOf('invocation-b')).toEqual({
      total: 1,
      byAction: { 'database.calculateDocument': 1 },
      rounds: 1,
    })
  })

  it('keeps a global count, including requests that name no invocation', async () => {
    await harness.db.collection('members').count()
    process.env.TCB_SEQID = 'invocation-c'
    await harness.db.collection('members').count()
    const report = (await readRoute('/__emulator/requests')) as { total: number; unattributed: number }
    expect(report).toMatchObject({ total: 2, unattributed: 1 })
  })

  it('counts a transaction’s start, operations and commit', async () => {
    process.env.TCB_SEQID = 'invocation-t'
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction typings are incomplete.
    await harness.db.runTransaction(async (transaction: any) => {
      await transaction.collection('members').add({ data: { openid: 'o-t' } })
    })
    expect(harness.emulator.requestCountsOf('invocation-t').total).toBe(3)
  })

  it('starts from zero after DELETE /__emulator/requests', async () => {
    await harness.db.collection('members').count()
    await fetch(`${harness.emulator.info().url}/__emulator/requests`, { method: 'DELETE' })
    expect(harness.emulator.requestCounts().total).toBe(0)
  })
})

describe('emulator-only routes', () => {
  it('resets the data with POST /__emulator/reset', async () => {
    await harness.db.collection('members').add({ data: { openid: 'o' } })
    await fetch(`${harness.emulator.info().url}/__emulator/reset`, { method: 'POST' })
    expect((await harness.db.collection('members').count()).total).toBe(0)
  })

  it('lists a collection’s documents with GET /__emulator/collections/:name', async () => {
    await harness.db.collection('members').add({ data: { _id: 'm', openid: 'o' } })
    expect(await readRoute('/__emulator/collections/members')).toEqual({
      collection: 'members',
      total: 1,
      documents: [{ _id: 'm', openid: 'o' }],
    })
  })
})

describe('sequential rounds of an invocation', () => {
  it('counts one round per request for requests made one after another', async () => {
    process.env.TCB_SEQID = 'invocation-sequential'
    await harness.db.collection('members').add({ data: { _id: 'm', openid: 'o' } })
    await harness.db.collection('members').doc('m').get()
    await harness.db.collection('members').count()
    expect(harness.emulator.requestCountsOf('invocation-sequential')).toMatchObject({ total: 3, rounds: 3 })
  })

  it('reports rounds per invocation at GET /__emulator/requests', async () => {
    process.env.TCB_SEQID = 'invocation-route'
    await harness.db.collection('members').count()
    expect(await readRoute('/__emulator/requests?invocation=invocation-route')).toMatchObject({ rounds: 1 })
    expect(await readRoute('/__emulator/requests')).toMatchObject({
      byInvocation: { 'invocation-route': { total: 1, rounds: 1 } },
    })
  })

  it('counts requests sent together as one round when the network delay keeps them in flight together', async () => {
    // The delay is what makes the SDK's three requests overlap at the emulator, as they would at CloudBase.
    const delayed = await startHarness({ requestDelayMs: 200 })
    try {
      process.env.TCB_SEQID = 'invocation-parallel'
      await Promise.all([1, 2, 3].map(() => delayed.db.collection('members').count()))
      await delayed.db.collection('members').count()
      expect(delayed.emulator.requestCountsOf('invocation-parallel')).toEqual({
        total: 4,
        byAction: { 'database.calculateDocument': 4 },
        rounds: 2,
      })
    } finally {
      await delayed.emulator.stop()
      // The SDK reads its service URL from the environment on every request: point it back at this file's emulator.
      Object.assign(process.env, sdkEnvironment({ emulatorUrl: harness.emulator.info().url, envId: TEST_ENV_ID }))
    }
  })
})

describe('the round of a request', () => {
  const counter = new RequestCounter()
  beforeEach(() => counter.clear())

  it('is shared by requests in flight together', () => {
    const answers = [counter.requestArrived('i'), counter.requestArrived('i'), counter.requestArrived('i')]
    for (const answered of answers) answered()
    expect(counter.forInvocation('i').rounds).toBe(1)
  })

  it('is one more than that of the requests answered before it arrived', () => {
    counter.requestArrived('i')()
    counter.requestArrived('i')()
    expect(counter.forInvocation('i').rounds).toBe(2)
  })

  it('follows the longest chain: a request sent on one answer while another is still in flight starts a round', () => {
    const slow = counter.requestArrived('i')
    counter.requestArrived('i')()
    const afterFast = counter.requestArrived('i')
    slow()
    afterFast()
    expect(counter.forInvocation('i').rounds).toBe(2)
  })

  it('is counted apart for each invocation, and not at all for requests that name none', () => {
    const first = counter.requestArrived('a')
    counter.requestArrived('b')()
    counter.requestArrived('b')()
    counter.requestArrived(null)()
    first()
    expect([counter.forInvocation('a').rounds, counter.forInvocation('b').rounds]).toEqual([1, 2])
    expect(counter.report().byInvocation).not.toHaveProperty('null')
  })
})

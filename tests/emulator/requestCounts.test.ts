import { type Harness, startHarness } from './sdkHarness'

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
    })
    expect(harness.emulator.requestCountsOf('invocation-b')).toEqual({
      total: 1,
      byAction: { 'database.calculateDocument': 1 },
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

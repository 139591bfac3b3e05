import { type Harness, startHarness } from './sdkHarness'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})
afterAll(() => harness.emulator.stop())

describe('concurrent conditional updates through the real SDK', () => {
  it('lets exactly 50 of 64 concurrent decrements of a balance of 50 succeed, leaving 0', async () => {
    const _ = harness.db.command
    await harness.db.collection('members').add({ data: { _id: 'm', openid: 'o', balance: 50 } })
    const results = await Promise.all(
      Array.from({ length: 64 }, () =>
        harness.db
          .collection('members')
          .where({ _id: 'm', balance: _.gte(1) })
          .update({ data: { balance: _.inc(-1) } }),
      ),
    )
    const successes = results.filter((result: { stats: { updated: number } }) => result.stats.updated === 1)
    expect(successes).toHaveLength(50)
    expect(results.filter((result: { stats: { updated: number } }) => result.stats.updated === 0)).toHaveLength(14)
    expect((await harness.db.collection('members').doc('m').get()).data.balance).toBe(0)
  })
})

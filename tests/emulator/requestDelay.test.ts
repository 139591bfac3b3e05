import { DatabaseEmulator, REQUEST_DELAY_MS_MAX } from '../../emulator/database'
import { startLocalCloud } from '../../emulator/localCloud'
import { type Harness, startHarness } from './sdkHarness'

const DELAY_MS = 40

describe('the simulated network delay', () => {
  it('is off unless asked for', async () => {
    expect(new DatabaseEmulator().requestDelayMs).toBe(0)
    const cloud = await startLocalCloud()
    try {
      expect(cloud.database.requestDelayMs).toBe(0)
    } finally {
      await cloud.stop()
    }
  })

  it('is passed on by startLocalCloud and reported by GET /__emulator/info', async () => {
    const cloud = await startLocalCloud({ requestDelayMs: 10 })
    try {
      expect(cloud.database.requestDelayMs).toBe(10)
      const info = await fetch(`${cloud.database.info().url}/__emulator/info`).then((response) => response.json())
      expect(info).toMatchObject({ requestDelayMs: 10 })
    } finally {
      await cloud.stop()
    }
  })

  it.each([-1, 2.5, Number.NaN, REQUEST_DELAY_MS_MAX + 1])('refuses a delay of %p ms', (requestDelayMs) => {
    expect(() => new DatabaseEmulator({ requestDelayMs })).toThrow(RangeError)
    expect(() => new DatabaseEmulator().setRequestDelayMs(requestDelayMs)).toThrow(RangeError)
  })

  describe(`of ${DELAY_MS} ms`, () => {
    let harness: Harness

    beforeAll(async () => {
      harness = await startHarness({ requestDelayMs: DELAY_MS })
    })
    afterAll(() => harness.emulator.stop())

    it('delays each request: two requests one after the other take at least twice the delay', async () => {
      const startedMs = performance.now()
      await harness.db.collection('members').add({ data: { _id: 'm', openid: 'o' } })
      await harness.db.collection('members').doc('m').get()
      expect(performance.now() - startedMs).toBeGreaterThanOrEqual(2 * DELAY_MS)
    })

    it('can be changed while running, and applies to the requests that arrive afterwards', async () => {
      harness.emulator.setRequestDelayMs(2 * DELAY_MS)
      try {
        const startedMs = performance.now()
        await harness.db.collection('members').count()
        expect(performance.now() - startedMs).toBeGreaterThanOrEqual(2 * DELAY_MS)
        expect(harness.emulator.requestDelayMs).toBe(2 * DELAY_MS)
      } finally {
        harness.emulator.setRequestDelayMs(DELAY_MS)
      }
    })

    it('answers as it would without the delay', async () => {
      await expect(harness.db.collection('members').where({ openid: 'o' }).count()).resolves.toMatchObject({
        total: 1,
      })
    })
  })
})

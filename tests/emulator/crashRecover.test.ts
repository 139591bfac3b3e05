import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { DatabaseEmulator } from '../../emulator'
import { failureOf, type Harness, startHarness } from './sdkHarness'

// Opening file databases on a loaded 2-core machine can take longer than jest's default 5 s.
jest.setTimeout(30_000)

// The SDK leaves a 3 s slow-request timer behind every failed request; SILENCE turns those timers off.
process.env.SILENCE = 'true'

function fileStorage() {
  return { kind: 'file' as const, path: path.join(mkdtempSync(path.join(tmpdir(), 'emulator-crash-')), 'db.sqlite') }
}

describe('a database emulator crashed and recovered (the fault hook of the history checker)', () => {
  let harness: Harness

  beforeAll(async () => {
    harness = await startHarness({ storage: fileStorage() })
  })
  afterAll(() => harness.emulator.stop())

  it('keeps what was answered, drops the open transaction, refuses connections while down, then serves again', async () => {
    const { db, emulator } = harness
    await db.collection('mall_items').add({ data: { _id: 'kept', balance: 1 } })
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction typings are incomplete.
    const transaction: any = await db.startTransaction()
    await transaction
      .collection('mall_items')
      .doc('kept')
      .update({ data: { balance: 2 } })
    const { url } = emulator.info()

    await emulator.crash()
    expect(emulator.crashed).toBe(true)
    // A kept-alive connection the SDK reuses hangs up; a new one is refused.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const outage = await failureOf(db.collection('mall_items').doc('kept').get())
      expect(outage).toMatchObject({ errCode: -501001, errMsg: expect.stringMatching(/ECONNREFUSED|socket hang up/) })
    }
    await emulator.recover()

    expect(emulator.info().url).toBe(url)
    expect(emulator.crashed).toBe(false)
    expect((await db.collection('mall_items').doc('kept').get()).data.balance).toBe(1)
    await expect(transaction.commit()).rejects.toBeTruthy()
    expect((await db.collection('mall_items').doc('kept').get()).data.balance).toBe(1)
    await db.collection('mall_items').add({ data: { _id: 'after', balance: 3 } })
    expect((await db.collection('mall_items').count()).total).toBe(2)
  })

  it('restart() is a crash, an outage of downMs, and a recovery', async () => {
    const { db, emulator } = harness
    const during = emulator.restart({ downMs: 50 })
    expect(emulator.crashed).toBe(true)
    await during
    expect(emulator.crashed).toBe(false)
    expect((await db.collection('mall_items').doc('after').get()).data.balance).toBe(3)
  })

  it('never serves, after recovering, a request it had read before the crash', async () => {
    const { db, emulator } = harness
    emulator.setRequestDelayMs(400)
    try {
      const lost = failureOf(db.collection('mall_items').add({ data: { _id: 'lost', balance: 4 } }))
      // The request arrives and waits out its delay; the crash comes during that wait.
      await sleep(150)
      await emulator.crash()
      await emulator.recover()
      await lost
    } finally {
      emulator.setRequestDelayMs(0)
    }
    await sleep(400)
    expect((await db.collection('mall_items').where({ _id: 'lost' }).count()).total).toBe(0)
  })

  it('refuses to crash an in-memory database, which could not come back', async () => {
    const memory = new DatabaseEmulator()
    await memory.start()
    try {
      await expect(memory.crash()).rejects.toThrow(/file storage/)
    } finally {
      await memory.stop()
    }
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sdkEnvironment } from '../../emulator'
import { bundleChildEmulator, type ChildEmulator, killChild, startChildEmulator } from './childEmulator'
import type { Cloud, Harness } from './sdkHarness'

// Starting emulators and child processes takes seconds on a loaded 2-core machine; the default 5 s is for unit tests.
jest.setTimeout(30_000)

const WRITERS = 4
const ACKNOWLEDGED_BEFORE_KILL = 300

let bundlePath: string
let databasePath: string
let child: ChildEmulator | undefined
const cloud: Cloud = require('wx-server-sdk')

// The SDK leaves a 3 s slow-request timer behind every failed request; SILENCE turns those timers off.
process.env.SILENCE = 'true'

function pointSdkAt(url: string): void {
  Object.assign(process.env, sdkEnvironment({ emulatorUrl: url, envId: 'test-env' }))
}

beforeAll(() => {
  bundlePath = bundleChildEmulator()
  databasePath = path.join(mkdtempSync(path.join(tmpdir(), 'emulator-durability-')), 'database.sqlite')
})
afterAll(async () => {
  if (child) await killChild(child.process)
})

describe('a file database killed with SIGKILL mid-stream', () => {
  it('keeps every acknowledged write and no half of a transaction', async () => {
    child = await startChildEmulator({ bundlePath, databasePath })
    pointSdkAt(child.url)
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    const db: Harness['db'] = cloud.database()
    const _ = db.command
    await db.collection('members').add({ data: { _id: 'member', openid: 'o', balance: 0 } })

    const acknowledgedAdds: string[] = []
    let acknowledgedTransactions = 0
    let sequence = 0
    let killed = false
    let killing: Promise<void> | undefined
    const killWhenEnough = (): void => {
      if (!killed && acknowledgedAdds.length + acknowledgedTransactions >= ACKNOWLEDGED_BEFORE_KILL && child) {
        killed = true
        killing = killChild(child.process)
      }
    }
    const writer = async (): Promise<void> => {
      while (!killed) {
        sequence += 1
        const id = `write-${sequence}`
        try {
          if (sequence % 3 === 0) {
            // One ledger entry and one balance increment, atomically: a survivor must have both or neither.
            // biome-ignore lint/suspicious/noExplicitAny: the SDK's transaction typings are incomplete.
            await db.runTransaction(async (transaction: any) => {
              await transaction
                .collection('ledger')
                .add({ data: { _id: id, requestId: id, memberId: 'member', points: 1 } })
              const member = (await transaction.collection('members').doc('member').get()).data
              await transaction
                .collection('members')
                .doc('member')
                .update({ data: { balance: member.balance + 1 } })
            }, 50)
            acknowledgedTransactions += 1
          } else {
            await db.collection('audit').add({ data: { _id: id, sequence } })
            acknowledgedAdds.push(id)
          }
        } catch {
          if (killed) return
        }
        killWhenEnough()
      }
    }
    await Promise.all(Array.from({ length: WRITERS }, writer))
    await killing

    child = await startChildEmulator({ bundlePath, databasePath })
    pointSdkAt(child.url)
    const survivors = new Set<string>()
    for (let offset = 0; ; offset += 1000) {
      const page = await db.collection('audit').skip(offset).limit(1000).get()
      for (const document of page.data as { _id: string }[]) survivors.add(document._id)
      if (page.data.length < 1000) break
    }
    expect(acknowledgedAdds.filter((id) => !survivors.has(id))).toEqual([])
    const entries = (
      await db
        .collection('ledger')
        .where({ memberId: 'member', points: _.eq(1) })
        .count()
    ).total
    const balance = (await db.collection('members').doc('member').get()).data.balance
    expect(entries).toBe(balance)
    expect(balance).toBeGreaterThanOrEqual(acknowledgedTransactions)
  })
})

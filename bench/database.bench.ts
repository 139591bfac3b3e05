// Database emulator benchmark: figures are printed, not asserted. `npm run bench` runs it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseEmulator, sdkEnvironment } from '../emulator'

const RAW_UPDATES = 10_000
const SDK_UPDATES = 5_000
const SDK_CONCURRENCY = 16
const LOOKUPS = 2_000
const SMALL_COLLECTION_SIZE = 1_000
const LARGE_COLLECTION_SIZE = 100_000
const INSERT_BATCH = 1_000

function temporaryFile(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'database-bench-')), name)
}

function perSecond(count: number, elapsedMs: number): string {
  return `${Math.round((count / elapsedMs) * 1000).toLocaleString('en-US')}/s`
}

function rawConditionalUpdates(): void {
  const database = new Database(temporaryFile('raw.sqlite'))
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.exec('CREATE TABLE balances (id TEXT PRIMARY KEY, points INTEGER NOT NULL)')
  database.prepare('INSERT INTO balances VALUES (?, ?)').run('member', RAW_UPDATES * 2)
  const decrement = database.prepare('UPDATE balances SET points = points - 1 WHERE id = ? AND points >= 1')
  const startedMs = performance.now()
  for (let count = 0; count < RAW_UPDATES; count += 1) decrement.run('member')
  const elapsedMs = performance.now() - startedMs
  console.log(`raw better-sqlite3 (file, WAL) conditional updates: ${perSecond(RAW_UPDATES, elapsedMs)}`)
  database.close()
}

// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands.
async function sdkConditionalUpdates(db: any): Promise<void> {
  const _ = db.command
  await db.collection('members').add({ data: { _id: 'bench', openid: 'bench', balance: SDK_UPDATES * 2 } })
  let remaining = SDK_UPDATES
  const worker = async (): Promise<void> => {
    while (remaining > 0) {
      remaining -= 1
      await db
        .collection('members')
        .where({ _id: 'bench', balance: _.gte(1) })
        .update({ data: { balance: _.inc(-1) } })
    }
  }
  const startedMs = performance.now()
  await Promise.all(Array.from({ length: SDK_CONCURRENCY }, worker))
  const elapsedMs = performance.now() - startedMs
  console.log(
    `real SDK → emulator conditional updates (file, concurrency ${SDK_CONCURRENCY}): ${perSecond(SDK_UPDATES, elapsedMs)}`,
  )
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function fill(db: any, collection: string, size: number): Promise<void> {
  for (let start = 0; start < size; start += INSERT_BATCH) {
    const batch = Array.from({ length: Math.min(INSERT_BATCH, size - start) }, (_, offset) => ({
      key: `key-${start + offset}`,
      payload: 'x'.repeat(64),
    }))
    await db.collection(collection).add({ data: batch })
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function lookups(db: any, collection: string, size: number): Promise<number> {
  const startedMs = performance.now()
  for (let count = 0; count < LOOKUPS; count += 1) {
    const page = await db
      .collection(collection)
      .where({ key: `key-${(count * 7919) % size}` })
      .get()
    if (page.data.length !== 1) throw new Error(`lookup in ${collection} found ${page.data.length} documents`)
  }
  return (performance.now() - startedMs) / LOOKUPS
}

async function main(): Promise<void> {
  rawConditionalUpdates()
  const keyIndex = [{ name: 'key', fields: [{ field: 'key', direction: 1 as const }], unique: true }]
  const emulator = new DatabaseEmulator({
    envId: 'bench',
    storage: { kind: 'file', path: temporaryFile('emulator.sqlite') },
    indexes: { members: [], small: keyIndex, large: keyIndex },
  })
  const info = await emulator.start()
  Object.assign(process.env, sdkEnvironment({ emulatorUrl: info.url, envId: 'bench' }))
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  await sdkConditionalUpdates(db)
  await fill(db, 'small', SMALL_COLLECTION_SIZE)
  await fill(db, 'large', LARGE_COLLECTION_SIZE)
  await lookups(db, 'small', SMALL_COLLECTION_SIZE)
  const smallMs = await lookups(db, 'small', SMALL_COLLECTION_SIZE)
  const largeMs = await lookups(db, 'large', LARGE_COLLECTION_SIZE)
  console.log(
    `indexed equality lookup, ${SMALL_COLLECTION_SIZE.toLocaleString('en-US')} documents: ${smallMs.toFixed(3)} ms`,
  )
  console.log(
    `indexed equality lookup, ${LARGE_COLLECTION_SIZE.toLocaleString('en-US')} documents: ${largeMs.toFixed(3)} ms`,
  )
  console.log(`ratio 100k / 1k: ${(largeMs / smallMs).toFixed(2)}`)
  await emulator.stop()
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

// Function-invocation benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Each invocation goes through the function host (a worker-thread instance), the real
// wx-server-sdk and the database emulator, as `npm start` and the function tests do.
import path from 'node:path'
import { clientCaller } from '../emulator/functions/identity'
import { startLocalCloud } from '../emulator/localCloud'

const INVOCATIONS = 2_000
const WARM_UP_INVOCATIONS = 200
const CONCURRENCY = 32

function percentile(sortedMs: readonly number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(sortedMs.length * fraction))] ?? Number.NaN
}

async function invokeMany(invoke: (index: number) => Promise<unknown>, count: number): Promise<number[]> {
  const latenciesMs: number[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next
      next += 1
      const startedMs = performance.now()
      await invoke(index)
      latenciesMs.push(performance.now() - startedMs)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return latenciesMs
}

async function main(): Promise<void> {
  const cloud = await startLocalCloud({ functionsRoot: path.join(__dirname, 'fixtures', 'functions') })
  Object.assign(process.env, cloud.sdkEnvironment)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  await sdk
    .database()
    .collection('members')
    .add({ data: { _id: 'bench-member', openid: 'bench', balance: 100 } })

  const invoke = (index: number) => cloud.functions.invoke('readMember', {}, clientCaller(`o-bench-${index % 500}`))
  await invokeMany(invoke, WARM_UP_INVOCATIONS)
  const startedMs = performance.now()
  const latenciesMs = (await invokeMany(invoke, INVOCATIONS)).sort((a, b) => a - b)
  const elapsedMs = performance.now() - startedMs
  console.log(
    `function invocations through host + SDK (concurrency ${CONCURRENCY}): ` +
      `${Math.round((INVOCATIONS / elapsedMs) * 1000)}/s, p50 ${percentile(latenciesMs, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(latenciesMs, 0.95).toFixed(1)} ms`,
  )
  await cloud.stop()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

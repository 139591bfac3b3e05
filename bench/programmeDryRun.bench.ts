// Programme dry-run benchmark: figures are printed, not asserted. `npm run bench` runs it.
// Seeds DRY_RUN_BENCH_MEMBERS members (100,000 by default) straight into the emulator, spread over
// the tiers' growth, saves a draft that lowers the silver threshold, and runs admin.programmeDryRun
// (following its cursor if the 40 s budget cuts it) as the 会员规则 screen does: the time of each
// invocation (CloudBase stops one at 60 s), its requests, and the tier changes it counted.
import { availableParallelism, loadavg } from 'node:os'
import type { ProgrammeDryRun } from '@shared/contracts'
import type { ProgrammeInput } from '@shared/programme/schema'
import { DEMO_PROGRAMME_INPUT } from '../emulator/seed/demo/programme'
import { startFunctionHarness } from '../tests/functions/support/functionHarness'
import { memberNamed } from '../tests/unit/staff/staffFixtures'
import { seedMembers } from './seedMembers'

const MEMBERS = Number(process.env.DRY_RUN_BENCH_MEMBERS ?? 100_000)
const NOW = Date.UTC(2026, 10, 23, 4)
const ADMIN = 'o-demo-admin'

const DRAFT: ProgrammeInput = {
  ...DEMO_PROGRAMME_INPUT,
  tiers: DEMO_PROGRAMME_INPUT.tiers.map((tier) => (tier.id === 'silver' ? { ...tier, growthThreshold: 300 } : tier)),
}

/** Growth 0–599 on the entry tier: a sixth of them reach the draft's silver (300) and not the live one's (500). */
const memberOf = (index: number) => memberNamed(`m-bench-${String(index).padStart(7, '0')}`, { growth: index % 600 })

async function main(): Promise<void> {
  const load = (loadavg()[0] ?? 0).toFixed(1)
  const harness = await startFunctionHarness({ discardFunctionLogs: true })
  try {
    await seedMembers(harness, MEMBERS, memberOf)
    const saved = await harness.call(
      'admin',
      'saveProgrammeDraft',
      { requestId: 'bench-draft-0001', basedOnVersion: 0, programme: DRAFT as Record<string, unknown> },
      { as: ADMIN, atMs: NOW },
    )
    if (!saved.ok) throw new Error(`saving the draft failed: ${saved.code} ${saved.message}`)
    const invocations: { ms: number; requests: number; counted: number }[] = []
    let cursor: string | undefined
    let upgrades = 0
    do {
      let answer: ProgrammeDryRun | null = null
      const startedMs = performance.now()
      const requests = await harness.countRequests(async () => {
        const input = { purchase: { amountFen: 4567, tierId: 'regular', purchasedAtMs: NOW }, checkInDays: 7, cursor }
        const envelope = await harness.call('admin', 'programmeDryRun', input, { as: ADMIN, atMs: NOW })
        if (!envelope.ok) throw new Error(`programmeDryRun failed: ${envelope.code} ${envelope.message}`)
        answer = envelope.data
      })
      const page = answer as unknown as ProgrammeDryRun
      invocations.push({ ms: performance.now() - startedMs, requests, counted: page.membersCounted })
      upgrades += page.tierChanges.upgrades
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
    const longestMs = Math.max(...invocations.map((invocation) => invocation.ms))
    const requests = invocations.reduce((sum, invocation) => sum + invocation.requests, 0)
    const counted = invocations.reduce((sum, invocation) => sum + invocation.counted, 0)
    console.log(`
programmeDryRun over ${MEMBERS.toLocaleString('en')} members (${availableParallelism()} cores, load ${load})
  invocations:          ${invocations.length} (${invocations.map((invocation) => `${(invocation.ms / 1000).toFixed(1)} s`).join(', ')})
  longest invocation:   ${(longestMs / 1000).toFixed(1)} s (CloudBase's limit: 60 s; the dry run's budget: 40 s)
  requests:             ${requests} (${(requests / Math.max(1, MEMBERS / 1000)).toFixed(2)} per 1,000 members)
  members counted:      ${counted.toLocaleString('en')}
  upgrades counted:     ${upgrades.toLocaleString('en')} (expected ${Math.floor(MEMBERS / 600) * 300 + Math.max(0, (MEMBERS % 600) - 300)})`)
  } finally {
    await harness.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

/**
 * The `expirePoints` job through the real SDK: exact at the policy's instant, one `expire` entry
 * per expired lot of exactly what is left in it, and correct when run twice, twice at once, or
 * after an invocation died halfway. The harness checks balance = ledger sum = lots after each test.
 */
import type { JobOutcome } from '@shared/contracts'
import { lotExpiryMs } from '@shared/ledger'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { seedMembers } from '../mall/seededMembers'
import { ADMIN, MANAGER } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { memberWithHistory } from './walletHistories'

jest.setTimeout(90_000)

const HOUR_MS = 3_600_000
/** The last second of 2025 in Shanghai: points earned then are usable through 2026. */
const LAST_SECOND_OF_2025 = Date.UTC(2025, 11, 31, 15, 59, 59)
/** 2027-01-01 00:00 in Shanghai: when the demo programme's 2025 points expire (endOfFollowingYear). */
const EXPIRY = lotExpiryMs({
  policy: { kind: 'endOfFollowingYear' },
  earnedAtMs: LAST_SECOND_OF_2025,
  timeZone: 'Asia/Shanghai',
  cutoffHour: 0,
}) as number
const NEXT_EXPIRY = EXPIRY + 365 * 24 * HOUR_MS

describe('jobs.expirePoints', () => {
  const harness = useFunctionHarness()

  /** `count` members with 30 points each, earned in 2025's last second and so expiring at EXPIRY. */
  const seedExpiring = (prefix: string, count: number) =>
    seedMembers(harness, { prefix, count, points: 30, expiresAtMs: EXPIRY, atMs: LAST_SECOND_OF_2025 })

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'expirePoints', dryRun }, { as: ADMIN, atMs }))

  async function entriesOf(memberId: string, type: string) {
    const { data } = await harness.db.collection('ledger').where({ memberId, type }).get()
    return data as { _id: string; amount: number; balanceAfter: number; createdAtMs: number }[]
  }

  async function walletOf(memberId: string) {
    return (await harness.db.collection('members').doc(memberId).get()).data.points
  }

  it('expires nothing one second before the instant, and exactly what is left of each lot one second after', async () => {
    expect(EXPIRY).toBe(Date.UTC(2026, 11, 31, 16))
    const spent = await memberWithHistory(harness, 'o-expiry-spent', [
      { earn: 100, expiresAtMs: EXPIRY, atMs: LAST_SECOND_OF_2025 },
      { earn: 40, expiresAtMs: NEXT_EXPIRY, atMs: LAST_SECOND_OF_2025 + 1000 },
      { spend: 30, atMs: EXPIRY - 60_000 },
      { earn: 25, expiresAtMs: null, atMs: EXPIRY - 30_000 },
    ])
    const untouched = await memberWithHistory(harness, 'o-expiry-later', [
      { earn: 60, expiresAtMs: NEXT_EXPIRY, atMs: LAST_SECOND_OF_2025 },
    ])
    await expect(runAt(EXPIRY - 1000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 0, effects: 0, points: 0 },
    })
    await expect(entriesOf(spent, 'expire')).resolves.toEqual([])

    await expect(runAt(EXPIRY + 1000)).resolves.toMatchObject({
      outcome: 'finished',
      period: '2027-01-01',
      summary: { scanned: 1, affected: 1, effects: 1, points: 70, invocations: 1 },
    })
    await expect(entriesOf(spent, 'expire')).resolves.toEqual([
      expect.objectContaining({
        _id: `expire_${spent}_${EXPIRY}`,
        amount: -70,
        balanceAfter: 65,
        createdAtMs: EXPIRY,
      }),
    ])
    await expect(walletOf(spent)).resolves.toEqual({
      balance: 65,
      lots: [
        { expiresAtMs: NEXT_EXPIRY, amount: 40 },
        { expiresAtMs: null, amount: 25 },
      ],
    })
    await expect(walletOf(untouched)).resolves.toEqual({
      balance: 60,
      lots: [{ expiresAtMs: NEXT_EXPIRY, amount: 60 }],
    })
  })

  it('writes one entry per expired lot, each balance following the one before', async () => {
    const member = await memberWithHistory(harness, 'o-expiry-two-lots', [
      { earn: 10, expiresAtMs: EXPIRY, atMs: LAST_SECOND_OF_2025 },
      { earn: 20, expiresAtMs: NEXT_EXPIRY, atMs: LAST_SECOND_OF_2025 },
      { earn: 5, expiresAtMs: null, atMs: LAST_SECOND_OF_2025 },
    ])
    // No run on the first instant: the next run writes off both lots, one entry each.
    await expect(runAt(NEXT_EXPIRY + HOUR_MS)).resolves.toMatchObject({ summary: { effects: 2, points: 30 } })
    const entries = (await entriesOf(member, 'expire')).sort((a, b) => a.createdAtMs - b.createdAtMs)
    expect(entries.map(({ amount, balanceAfter, createdAtMs }) => ({ amount, balanceAfter, createdAtMs }))).toEqual([
      { amount: -10, balanceAfter: 25, createdAtMs: EXPIRY },
      { amount: -20, balanceAfter: 5, createdAtMs: NEXT_EXPIRY },
    ])
  })

  it('does nothing the second time: the period is done, and the next period finds nothing left', async () => {
    const members = await seedExpiring('o-expiry-twice', 5)
    await expect(runAt(EXPIRY + HOUR_MS)).resolves.toMatchObject({ outcome: 'finished', summary: { effects: 5 } })
    const ledgerAfterFirst = await harness.db.collection('ledger').count()
    await expect(runAt(EXPIRY + 2 * HOUR_MS)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    await expect(runAt(EXPIRY + 30 * HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 0, effects: 0 },
    })
    await expect(harness.db.collection('ledger').count()).resolves.toEqual(ledgerAfterFirst)
    for (const { memberId } of members) await expect(walletOf(memberId)).resolves.toEqual({ balance: 0, lots: [] })
  })

  it('lets one of two runs fired at once do the work; the other answers leased or done and writes nothing', async () => {
    const members = await seedExpiring('o-expiry-overlap', 12)
    await harness.warm('jobs')
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(EXPIRY + HOUR_MS)))
    const byOutcome: Record<string, number> = {}
    for (const { outcome } of outcomes) byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1
    expect(byOutcome.finished).toBe(1)
    expect((byOutcome.leased ?? 0) + (byOutcome.alreadyDone ?? 0)).toBe(3)
    expect(outcomes.filter((outcome) => outcome.outcome !== 'finished').every((o) => o.summary.effects === 0)).toBe(
      true,
    )
    for (const { memberId } of members) await expect(entriesOf(memberId, 'expire')).resolves.toHaveLength(1)
  })

  it('picks a run whose invocation died up from its cursor once the lease has lapsed', async () => {
    const members = await seedExpiring('o-expiry-resume', 6)
    const ids = members.map((member) => member.memberId).sort()
    const cursor = ids[2] as string
    const diedAtMs = EXPIRY + HOUR_MS
    // What a killed invocation leaves: a running run, its cursor after three members, a lease of the past.
    await harness.db.collection('job_runs').add({
      data: {
        _id: 'expirePoints:2027-01-01',
        job: 'expirePoints',
        period: '2027-01-01',
        status: 'running',
        cursor,
        holder: 'a-dead-invocation',
        leaseUntilMs: diedAtMs,
        startedAtMs: diedAtMs - 60_000,
        heartbeatAtMs: diedAtMs - 10_000,
        finishedAtMs: null,
        summary: { scanned: 3, affected: 3, effects: 3, points: 90, invocations: 1 },
      },
    })
    await expect(runAt(diedAtMs - 5_000)).resolves.toMatchObject({ outcome: 'leased' })
    await expect(runAt(diedAtMs + 1000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 6, affected: 6, effects: 6, points: 180, invocations: 2 },
    })
    // Resumed after the cursor: the three before it are the dead run's (left as the test wrote them).
    for (const id of ids.slice(0, 3)) await expect(entriesOf(id, 'expire')).resolves.toHaveLength(0)
    for (const id of ids.slice(3)) await expect(entriesOf(id, 'expire')).resolves.toHaveLength(1)
  })

  it('completes after an invocation is killed part-way by its time limit: one entry per lot, balances right', async () => {
    const members = await seedExpiring('o-expiry-killed', 600)
    const request = { job: 'expirePoints', dryRun: false } as const
    // 600 members take thousands of requests: 300 ms ends the invocation somewhere in its batches.
    await expect(
      harness.call('jobs', 'run', request, { as: ADMIN, atMs: EXPIRY + HOUR_MS, timeLimitMs: 300 }),
    ).rejects.toMatchObject({ kind: 'timeout' })
    const expiredByTheKilled = (await harness.db.collection('ledger').where({ type: 'expire' }).count()).total
    expect(expiredByTheKilled).toBeLessThan(600)
    // Its lease (70 s) lapses; the next trigger's run finishes the period.
    await expect(runAt(EXPIRY + HOUR_MS + 71_000)).resolves.toMatchObject({ outcome: 'finished' })
    const { total } = await harness.db.collection('ledger').where({ type: 'expire' }).count()
    expect(total).toBe(600)
    for (const { memberId } of members.slice(0, 20))
      await expect(entriesOf(memberId, 'expire')).resolves.toHaveLength(1)
    const { total: left } = await harness.db
      .collection('members')
      .where({ openid: /^o-expiry-killed-/, 'points.balance': 30 })
      .count()
    expect(left).toBe(0)
  })

  it('writes nothing twice when a run starts over after its effects were written', async () => {
    const members = await seedExpiring('o-expiry-again', 4)
    await runAt(EXPIRY + HOUR_MS)
    // As if the invocation died after its last unit of work but before saving: running, no cursor, lease lapsed.
    await harness.db
      .collection('job_runs')
      .doc('expirePoints:2027-01-01')
      .update({ data: { status: 'running', cursor: null, leaseUntilMs: 0, finishedAtMs: null } })
    await expect(runAt(EXPIRY + 2 * HOUR_MS)).resolves.toMatchObject({ outcome: 'finished' })
    for (const { memberId } of members) await expect(entriesOf(memberId, 'expire')).resolves.toHaveLength(1)
  })

  it('counts in a dry run what it would do, and writes nothing', async () => {
    await seedExpiring('o-expiry-dry', 3)
    const ledger = await harness.db.collection('ledger').count()
    await expect(runAt(EXPIRY + HOUR_MS, true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { scanned: 3, affected: 3, effects: 3, points: 90 },
    })
    await expect(harness.db.collection('ledger').count()).resolves.toEqual(ledger)
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
  })

  it('runs from its timer trigger, and only admins may run it by hand or see it', async () => {
    const [member] = await seedExpiring('o-expiry-timer', 1)
    const timer = { Type: 'Timer', TriggerName: 'dispatch', Time: new Date(EXPIRY + HOUR_MS).toISOString() }
    await expect(harness.callRaw('jobs', timer, { as: null, atMs: EXPIRY + HOUR_MS })).resolves.toMatchObject({
      ok: true,
      data: {
        outcomes: expect.arrayContaining([
          expect.objectContaining({
            job: 'expirePoints',
            outcome: 'finished',
            summary: expect.objectContaining({ effects: 1 }),
          }),
        ]),
      },
    })
    await expect(entriesOf(member?.memberId ?? '', 'expire')).resolves.toHaveLength(1)
    const asManager = { as: MANAGER, atMs: EXPIRY + HOUR_MS }
    await expect(harness.call('jobs', 'run', { job: 'expirePoints', dryRun: true }, asManager)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(
      harness.call('jobs', 'status', {}, { as: memberIdOf('o-stranger'), atMs: EXPIRY }),
    ).resolves.toMatchObject({ ok: false, code: 'NOT_STAFF' })
  })

  it('shows each job’s run, and a run that never came as overdue', async () => {
    // The other jobs' rows are their own tests' business.
    const status = async (atMs: number) => {
      const { jobs } = dataOf(await harness.call('jobs', 'status', {}, { as: ADMIN, atMs }))
      return { jobs: jobs.filter((job) => job.job === 'expirePoints') }
    }
    await expect(status(EXPIRY + 5 * 60_000)).resolves.toEqual({
      jobs: [expect.objectContaining({ job: 'expirePoints', period: '2027-01-01', status: null, overdue: false })],
    })
    await expect(status(EXPIRY + HOUR_MS)).resolves.toEqual({
      jobs: [expect.objectContaining({ status: null, overdue: true })],
    })
    await runAt(EXPIRY + HOUR_MS)
    await expect(status(EXPIRY + 2 * HOUR_MS)).resolves.toEqual({
      jobs: [
        expect.objectContaining({
          status: 'done',
          overdue: false,
          finishedAtMs: expect.any(Number),
          summary: expect.objectContaining({ invocations: 1 }),
        }),
      ],
    })
  })
})

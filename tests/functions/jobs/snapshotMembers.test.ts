/**
 * The `snapshotMembers` job through the real SDK: the day's member snapshots (per store the members
 * joined at, and the chain) equal a recount from the raw members after a random concurrent workload,
 * and a run cut between batches, or dying in one, gives the same figures once resumed, with no
 * member counted twice; a second run the same day writes nothing.
 */
import type { JobOutcome } from '@shared/contracts'
import { EMPTY_JOB_SUMMARY } from '@shared/jobs'
import { EMPTY_WALLET, usableBalance } from '@shared/ledger'
import { lastVisitOf, type Member, NO_PURCHASES, withPurchase } from '@shared/member'
import { type MemberSnapshot, type SnapshotFigures, ZERO_SNAPSHOT_FIGURES } from '@shared/stats/memberSnapshot'
import { DEFAULT_RFM_THRESHOLDS, type RfmGroup, rfmGroupOf } from '@shared/stats/rfm'
import { SNAPSHOT_BATCH_SIZE } from '../../../cloudfunctions/jobs/src/snapshotMembers'
import { memberNamed } from '../../unit/staff/staffFixtures'
import { insertTemplate } from '../coupon/testTemplates'
import { seedMembers } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import { ADMIN, bindStoreTwo, NOW } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { outcomeCodeOf, planWorkload, runWorkload } from '../support/randomWorkload'
import { reopenAsIfDied } from './overlappingRuns'

jest.setTimeout(240_000)

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
/** 2026-11-24 00:00 in Shanghai: the demo's business days start at midnight. */
const NEXT_DAY_START = Date.UTC(2026, 10, 23, 16)
/** The first run of the 24th (ten minutes in) snapshots the close of the 23rd. */
const RUN_AT = NEXT_DAY_START + 10 * 60_000
const RUN_ID = 'snapshotMembers:2026-11-24'

type Row = Record<string, unknown>

describe('jobs.snapshotMembers', () => {
  const harness = useFunctionHarness()

  const run = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'snapshotMembers', dryRun }, { as: ADMIN, atMs }))

  async function all<T = Row>(collection: string): Promise<T[]> {
    const rows: T[] = []
    for (;;) {
      const { data } = await harness.db.collection(collection).skip(rows.length).limit(1000).get()
      rows.push(...(data as T[]))
      if (data.length < 1000) return rows
    }
  }

  /** The stored snapshots by store ('' the chain), ids and all. */
  async function snapshots(): Promise<Record<string, MemberSnapshot>> {
    const stored = await all<MemberSnapshot>('stats_snapshots')
    return Object.fromEntries(stored.map((snapshot) => [snapshot.storeId, snapshot]))
  }

  /** The figures counted again from the raw members, by the rules written out here. */
  async function recount(asOfMs: number): Promise<Record<string, SnapshotFigures>> {
    const members = await all<Member>('members')
    const byScope: Record<string, { -readonly [K in keyof SnapshotFigures]: SnapshotFigures[K] }> = {}
    const within30 = (atMs: number | null | undefined) => typeof atMs === 'number' && atMs > asOfMs - 30 * DAY_MS
    for (const member of members) {
      for (const scope of ['', ...(member.joinedStoreId ? [member.joinedStoreId] : [])]) {
        const figures = byScope[scope] ?? {
          ...ZERO_SNAPSHOT_FIGURES,
          membersPerTier: {},
          rfm: {} as Record<RfmGroup, number>,
        }
        byScope[scope] = figures
        const purchases = member.purchases ?? NO_PURCHASES
        figures.members += 1
        if (within30(lastVisitOf(member, 'Asia/Shanghai'))) figures.activeMembers += 1
        figures.pointsOutstanding += usableBalance(member.points, asOfMs)
        if (within30(purchases.lastAtMs)) figures.purchasers += 1
        if (within30(purchases.lastAtMs) && within30(purchases.previousAtMs)) figures.repeatPurchasers += 1
        const tiers = figures.membersPerTier as Record<string, number>
        tiers[member.tierId] = (tiers[member.tierId] ?? 0) + 1
        const group = rfmGroupOf(purchases, DEFAULT_RFM_THRESHOLDS, asOfMs)
        const rfm = figures.rfm as Record<RfmGroup, number>
        rfm[group] = (rfm[group] ?? 0) + 1
      }
    }
    return byScope
  }

  /** Figures without their zero counts, so a recount that never saw a group compares equal. */
  const nonZero = (figures: SnapshotFigures) => ({
    ...figures,
    rfm: Object.fromEntries(Object.entries(figures.rfm).filter(([, count]) => count > 0)),
  })

  it('equals a recount from the raw members after a random concurrent workload', async () => {
    await bindStoreTwo(harness)
    const members = await seedMembers(harness, { prefix: 'o-snapshot', count: 6, points: 1500, atMs: NOW - 3 * DAY_MS })
    for (const [index, member] of members.entries()) {
      const joinedStoreId = ['store-1', 'store-2', null][index % 3]
      await harness.db.collection('members').doc(member.memberId).update({ data: { joinedStoreId } })
    }
    await insertItem(harness, { id: 'snap-item', pointsPrice: 300, stock: 6, perMemberLimit: 2 })
    await insertTemplate(harness, { id: 'snap-template', totalQuantity: 5, perMemberLimit: 1 })
    const world = { members, itemId: 'snap-item', templateId: 'snap-template', nowMs: NOW }
    const plan = planWorkload(harness, world, {
      seed: 21,
      waves: 4,
      perWave: 16,
      faults: { killRate: 0, databaseCrash: false },
    })
    for (const name of ['checkin', 'member', 'staff', 'mall', 'coupon', 'jobs'] as const) await harness.warm(name)
    const history = await runWorkload(harness, plan)
    expect(history.map(outcomeCodeOf).filter((code) => code === 'FAILED' || code === 'INTERNAL')).toEqual([])
    expect(history.some((event) => event.operation === 'recordPurchase' && outcomeCodeOf(event) === 'ok')).toBe(true)

    // Each member's purchase summary counts their purchases standing, as the audit log has them.
    const audit = await all('audit')
    const stored = await all<Member>('members')
    for (const member of stored) {
      const standing = audit.filter(
        (entry) => entry.action === 'purchase' && entry.memberId === member._id && entry.reversedAtMs === null,
      )
      const summary = member.purchases ?? NO_PURCHASES
      expect({ member: member._id, count: summary.count, amountFen: summary.amountFen }).toEqual({
        member: member._id,
        count: standing.length,
        amountFen: standing.reduce((sum, entry) => sum + (entry.amountFen as number), 0),
      })
    }

    await expect(run(RUN_AT)).resolves.toMatchObject({ outcome: 'finished', summary: { scanned: stored.length } })
    const written = await snapshots()
    const expected = await recount(NEXT_DAY_START)
    expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort())
    for (const [scope, snapshot] of Object.entries(written)) {
      expect(snapshot).toMatchObject({ _id: `2026-11-23_${scope}`, day: '2026-11-23', asOfMs: NEXT_DAY_START })
      expect({ scope, ...nonZero(snapshot.figures) }).toEqual({ scope, ...expected[scope] })
    }
    expect(written['']?.figures.purchasers).toBeGreaterThan(0)
  })

  /** 2,500 members over three batches: two stores and none, three tiers, purchases old and recent. */
  async function seedMany(): Promise<void> {
    const total = 2 * SNAPSHOT_BATCH_SIZE + 500
    const members: Member[] = Array.from({ length: total }, (_, index) => {
      const daysAgo = [1, 5, 20, 40, 90][index % 5] ?? 1
      const bought = index % 4
      let purchases = NO_PURCHASES
      for (let count = 0; count < bought; count += 1) {
        purchases = withPurchase(purchases, 6000 + (index % 7) * 1000, NEXT_DAY_START - (daysAgo + count * 12) * DAY_MS)
      }
      return memberNamed(`m-snap-${String(index).padStart(5, '0')}`, {
        joinedStoreId: ['store-1', 'store-2', null][index % 3] ?? null,
        joinedAtMs: NEXT_DAY_START - 200 * DAY_MS,
        tierId: ['regular', 'silver', 'gold'][index % 3] ?? 'regular',
        lastVisitAtMs: NEXT_DAY_START - daysAgo * DAY_MS + HOUR_MS,
        points: EMPTY_WALLET,
        ...(bought > 0 ? { purchases } : {}),
      })
    })
    for (let start = 0; start < total; start += 500) {
      await harness.db.collection('members').add({ data: members.slice(start, start + 500) })
    }
  }

  it('resumes a run cut between batches, or dying in one, to the same figures; a rerun writes nothing', async () => {
    await seedMany()
    await expect(run(RUN_AT, true)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 2500, effects: 0 },
    })
    await expect(harness.db.collection('stats_snapshot_parts').count()).resolves.toMatchObject({ total: 0 })

    await expect(run(RUN_AT)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 2500, effects: 3, invocations: 1 },
    })
    const first = await snapshots()
    expect(first['']?.figures).toMatchObject({
      members: 2500,
      membersPerTier: { regular: 834, silver: 833, gold: 833 },
    })
    expect(nonZero(first['']?.figures as SnapshotFigures)).toEqual((await recount(NEXT_DAY_START))[''])
    const parts = await all<{ _id: string; lastId: string }>('stats_snapshot_parts')
    expect(parts).toHaveLength(3)

    // The same day again: the run is done, nothing is read or written.
    await expect(run(RUN_AT + HOUR_MS)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    expect(await all('stats_snapshot_parts')).toEqual(parts)

    // Cut after the first batch: the run kept its cursor, the snapshots were never written, and the
    // dead invocation had left a half-counted part for the second batch.
    const firstPart = parts.find((part) => part._id === '2026-11-23_')
    await harness.db.collection('stats_snapshots').where({ day: '2026-11-23' }).remove()
    const secondPartId = `2026-11-23_${firstPart?.lastId}`
    await harness.db
      .collection('stats_snapshot_parts')
      .doc(secondPartId)
      .update({ data: { scopes: [] } })
    await harness.db
      .collection('job_runs')
      .doc(RUN_ID)
      .update({
        data: {
          status: 'running',
          cursor: firstPart?.lastId,
          leaseUntilMs: 0,
          finishedAtMs: null,
          summary: { ...EMPTY_JOB_SUMMARY, scanned: 1000, affected: 1000, invocations: 1 },
        },
      })
    await expect(run(RUN_AT + 2 * HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 2500, effects: 3, invocations: 2 },
    })
    expect(await snapshots()).toEqual(first)

    // Dying in the first batch: every part is done again in place, and no member counts twice.
    await reopenAsIfDied(harness, RUN_ID)
    await expect(run(RUN_AT + 3 * HOUR_MS)).resolves.toMatchObject({ outcome: 'finished', summary: { scanned: 2500 } })
    expect(await snapshots()).toEqual(first)
    await expect(harness.db.collection('stats_snapshot_parts').count()).resolves.toMatchObject({ total: 3 })
  })

  it('clears the parts of earlier days and snapshots the next day on its own', async () => {
    await seedMany()
    await run(RUN_AT)
    await harness.db
      .collection('members')
      .doc('m-snap-00000')
      .update({ data: { tierId: 'gold' } })
    await expect(run(RUN_AT + DAY_MS)).resolves.toMatchObject({ outcome: 'finished' })
    const parts = await all<{ day: string }>('stats_snapshot_parts')
    expect(new Set(parts.map((part) => part.day))).toEqual(new Set(['2026-11-24']))
    const next = await harness.db.collection('stats_snapshots').doc('2026-11-24_').get()
    const before = await harness.db.collection('stats_snapshots').doc('2026-11-23_').get()
    expect(before.data.figures.membersPerTier).toEqual({ regular: 834, silver: 833, gold: 833 })
    expect(next.data.figures.membersPerTier).toEqual({ regular: 833, silver: 833, gold: 834 })
    // A day on, the 1-day-old visits are 2 days old: still active; the 30-day window moved by a day.
    expect(next.data.asOfMs).toBe(NEXT_DAY_START + DAY_MS)
  })
})

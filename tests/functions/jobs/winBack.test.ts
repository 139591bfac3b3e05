/**
 * The `winBack` job through the real SDK: a member with no visit for the programme's 60 days (the
 * demo's) gets its win-back coupon (five-off-thirty) once per dormancy spell; a visit starts a new one.
 */
import type { JobOutcome } from '@shared/contracts'
import { seedMember } from '../mall/seededMembers'
import { ADMIN } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { expectOneRunDidTheWork, reopenAsIfDied } from './overlappingRuns'

jest.setTimeout(120_000)

const DAY_MS = 86_400_000
/** Noon in Shanghai, 2027-03-01. */
const NOW = Date.UTC(2027, 2, 1, 4)

describe('jobs.winBack', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'winBack', dryRun }, { as: ADMIN, atMs }))

  /** A member whose last visit was `daysAgo` days before NOW (or, with `legacy`, with no visit recorded). */
  async function memberLastSeen(prefix: string, daysAgo: number, fields: Record<string, unknown> = {}) {
    const member = await seedMember(harness, { prefix, points: 10, atMs: NOW - 400 * DAY_MS })
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { lastVisitAtMs: NOW - daysAgo * DAY_MS, ...fields } })
    return member
  }

  async function winBackCouponsOf(memberId: string) {
    const { data } = await harness.db.collection('coupons').where({ memberId, source: 'winBack' }).get()
    return data as { _id: string; templateId: string }[]
  }

  it('gives a member dormant for 60 days one coupon, and none to one seen 59 days ago', async () => {
    const dormant = await memberLastSeen('o-winback-dormant', 61)
    const recent = await memberLastSeen('o-winback-recent', 59)
    await expect(runAt(NOW)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 1, affected: 1, effects: 1, skipped: 0 },
    })
    await expect(winBackCouponsOf(dormant.memberId)).resolves.toEqual([
      expect.objectContaining({
        _id: `winback_${dormant.memberId}_${NOW - 61 * DAY_MS}`,
        templateId: 'five-off-thirty',
      }),
    ])
    await expect(winBackCouponsOf(recent.memberId)).resolves.toEqual([])
    const wallet = dataOf(await harness.call('coupon', 'wallet', {}, { as: dormant.openid, atMs: NOW + 1000 }))
    expect(wallet.coupons.map((coupon) => coupon.source)).toContain('winBack')
  })

  it('gives once per spell: not again the next days, again only after a visit and 60 more days', async () => {
    const member = await memberLastSeen('o-winback-spell', 70)
    await runAt(NOW)
    await expect(runAt(NOW + DAY_MS)).resolves.toMatchObject({ summary: { scanned: 0, effects: 0 } })
    // The member comes back and checks in: a new spell begins with that visit.
    const visitMs = NOW + 2 * DAY_MS
    await expect(harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: visitMs })).resolves.toMatchObject({
      ok: true,
    })
    await expect(runAt(visitMs + 59 * DAY_MS)).resolves.toMatchObject({ summary: { effects: 0 } })
    await expect(runAt(visitMs + 61 * DAY_MS)).resolves.toMatchObject({ summary: { affected: 1, effects: 1 } })
    await expect(winBackCouponsOf(member.memberId)).resolves.toHaveLength(2)
  })

  it('lets one of four runs fired at once give the coupon', async () => {
    await harness.warm('jobs')
    const member = await memberLastSeen('o-winback-overlap', 90)
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(NOW)))
    expect(expectOneRunDidTheWork(outcomes).summary).toMatchObject({ effects: 1 })
    await expect(winBackCouponsOf(member.memberId)).resolves.toHaveLength(1)
  })

  it('gives once when a run starts over after the coupon was given but before the spell was marked', async () => {
    const member = await memberLastSeen('o-winback-crash', 61)
    await runAt(NOW)
    // As if the invocation died between the grant and the unit marking the spell.
    await harness.db
      .collection('members')
      .doc(member.memberId)
      .update({ data: { winBackSent: harness.db.command.remove() } })
    await reopenAsIfDied(harness, 'winBack:2027-03-01')
    await expect(runAt(NOW + 3_600_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 1, effects: 0 },
    })
    await expect(winBackCouponsOf(member.memberId)).resolves.toHaveLength(1)
    const stored = (await harness.db.collection('members').doc(member.memberId).get()).data
    expect(stored.winBackSent).toBe(true)
  })

  it('estimates the last visit of a member written before visits were recorded, from their check-ins', async () => {
    const legacy = await seedMember(harness, { prefix: 'o-winback-legacy', points: 10, atMs: NOW - 400 * DAY_MS })
    const lastCheckIn = { lastDay: '2027-02-20', runLength: 1, recentDays: ['2027-02-20'], makeupsByMonth: {} }
    await harness.db
      .collection('members')
      .doc(legacy.memberId)
      .update({ data: { checkIn: lastCheckIn } })
    await expect(runAt(NOW)).resolves.toMatchObject({ summary: { scanned: 1, effects: 0 } })
    const stored = (await harness.db.collection('members').doc(legacy.memberId).get()).data
    expect(stored.lastVisitAtMs).toBe(Date.UTC(2027, 1, 19, 16))
    // Found by the index once that estimate is 60 days old.
    await expect(runAt(Date.UTC(2027, 3, 21, 4))).resolves.toMatchObject({ summary: { scanned: 1, effects: 1 } })
  })

  it('counts in a dry run what it would give, and writes nothing', async () => {
    const member = await memberLastSeen('o-winback-dry', 61)
    const before = await harness.db.collection('coupons').count()
    await expect(runAt(NOW, true)).resolves.toMatchObject({ dryRun: true, summary: { affected: 1, effects: 1 } })
    await expect(harness.db.collection('coupons').count()).resolves.toEqual(before)
    const stored = (await harness.db.collection('members').doc(member.memberId).get()).data
    expect(stored.winBackSent).toBeUndefined()
  })
})

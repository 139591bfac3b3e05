/**
 * The `evaluateTiers` job through the real SDK: at the end of the qualification period (the demo
 * programme's calendar year) each member keeps or drops their tier by the retention rules, at most
 * `maxTierStepsDown` (1) at once, never below a tier granted by hand, never on missing data, with
 * one tier history entry per change, however often or concurrently the job runs.
 */
import type { JobOutcome } from '@shared/contracts'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { ADMIN, purchaseBy, STAFF } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { expectOneRunDidTheWork } from './overlappingRuns'
import { seedTiered } from './tieredMembers'

jest.setTimeout(90_000)

const HOUR_MS = 3_600_000
/** 2027-01-01 00:00 in Shanghai: the end of the 2026 qualification period. */
const PERIOD_END = Date.UTC(2026, 11, 31, 16)
/** 2028-01-01 00:00 in Shanghai. */
const NEXT_PERIOD_END = Date.UTC(2027, 11, 31, 16)
const SEEDED_AT = Date.UTC(2026, 5, 1)

describe('jobs.evaluateTiers', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'evaluateTiers', dryRun }, { as: ADMIN, atMs }))

  const memberOf = async (memberId: string) => (await harness.db.collection('members').doc(memberId).get()).data

  async function historyOf(memberId: string) {
    const { data } = await harness.db.collection('tier_history').where({ memberId }).get()
    return data as { _id: string; fromTierId: string; toTierId: string; growthAfter: number }[]
  }

  /** A member due at PERIOD_END, who earned `periodGrowth` in 2026. */
  const due = (tierId: string, growth: number, periodGrowth: number) => ({
    tierId,
    growth,
    periodGrowth,
    reviewAtMs: PERIOD_END,
  })

  it('keeps a member who earned the retention growth, drops one who did not by one step, never by more', async () => {
    const [keeps, drops, capped] = await seedTiered(
      harness,
      'o-tiers-rules',
      [due('gold', 2500, 1200), due('gold', 2600, 400), due('black', 7000, 0)],
      SEEDED_AT,
    )
    await expect(runAt(PERIOD_END - 1000)).resolves.toMatchObject({ summary: { scanned: 0, effects: 0 } })
    await expect(runAt(PERIOD_END + HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 3, affected: 2, effects: 2, skipped: 0 },
    })
    await expect(memberOf(keeps as string)).resolves.toMatchObject({
      tierId: 'gold',
      growth: 2500,
      tierReviewAtMs: NEXT_PERIOD_END,
      qualification: { periodStartDay: '2027-01-01', growth: 0, partial: false },
    })
    expect((await memberOf(keeps as string)).tierNotice ?? null).toBeNull()
    // Dropped to silver: growth restarts at silver's threshold (evaluateTierAtPeriodEnd), points stay.
    await expect(memberOf(drops as string)).resolves.toMatchObject({
      tierId: 'silver',
      growth: 500,
      points: { balance: 1 },
      tierNotice: { fromTierId: 'gold', toTierId: 'silver', atMs: PERIOD_END },
    })
    // No growth at all in the period: black drops to gold only (maxTierStepsDown 1), not to regular.
    await expect(memberOf(capped as string)).resolves.toMatchObject({ tierId: 'gold', growth: 2000 })
    await expect(historyOf(drops as string)).resolves.toEqual([
      expect.objectContaining({
        _id: `tier_${drops}_2027-01-01`,
        fromTierId: 'gold',
        toTierId: 'silver',
        periodGrowth: 400,
        growthBefore: 2600,
        growthAfter: 500,
        createdAtMs: PERIOD_END,
      }),
    ])
    await expect(historyOf(keeps as string)).resolves.toEqual([])
    // The member sees it on the card.
    await expect(
      harness.call('member', 'card', {}, { as: 'o-tiers-rules-1', atMs: PERIOD_END + 2 * HOUR_MS }),
    ).resolves.toMatchObject({
      ok: true,
      data: {
        tier: { id: 'silver' },
        tierChange: { id: `tier_${drops}_2027-01-01`, from: { id: 'gold' }, to: { id: 'silver' }, atMs: PERIOD_END },
      },
    })
    // Once read, the line goes; dismissing an older or unknown notice changes nothing.
    const dismiss = (historyId: string) =>
      harness.call(
        'member',
        'dismissTierNotice',
        { historyId },
        { as: 'o-tiers-rules-1', atMs: PERIOD_END + 3 * HOUR_MS },
      )
    await expect(dismiss('tier_other_2026-01-01')).resolves.toEqual({ ok: true, data: { dismissed: false } })
    await expect(dismiss(`tier_${drops}_2027-01-01`)).resolves.toEqual({ ok: true, data: { dismissed: true } })
    await expect(
      harness.call('member', 'card', {}, { as: 'o-tiers-rules-1', atMs: PERIOD_END + 4 * HOUR_MS }),
    ).resolves.toMatchObject({
      data: { tierChange: null },
    })
    await expect(
      harness.call('member', 'card', {}, { as: 'o-tiers-rules-0', atMs: PERIOD_END + 2 * HOUR_MS }),
    ).resolves.toMatchObject({
      ok: true,
      data: { tier: { id: 'gold' }, tierChange: null },
    })
  })

  it('counts the growth members earn in the period: upgrades at once, retention at the end, growth after the end for the next', async () => {
    const joinedAt = Date.UTC(2026, 2, 2, 4)
    await harness.call('member', 'join', {}, { as: 'o-tiers-earned', atMs: joinedAt })
    const memberId = memberIdOf('o-tiers-earned')
    const buy = (amountFen: number, atMs: number, requestId: string) =>
      harness.call('staff', 'recordPurchase', purchaseBy(STAFF, { memberId, amountFen, requestId }, atMs), {
        as: STAFF,
        atMs,
      })
    await expect(buy(60_000, joinedAt + HOUR_MS, 'tiers-earned-1')).resolves.toMatchObject({ ok: true })
    await expect(memberOf(memberId)).resolves.toMatchObject({
      tierId: 'silver',
      qualification: { periodStartDay: '2026-01-01', growth: 600 },
      tierReviewAtMs: PERIOD_END,
    })
    // Bought after the period ended, before the job got to the member: counts for 2027.
    await expect(buy(5_000, PERIOD_END + 60_000, 'tiers-earned-2')).resolves.toMatchObject({ ok: true })
    await expect(runAt(PERIOD_END + HOUR_MS)).resolves.toMatchObject({ summary: { scanned: 1, affected: 0 } })
    await expect(memberOf(memberId)).resolves.toMatchObject({
      tierId: 'silver',
      qualification: { periodStartDay: '2027-01-01', growth: 50, earnedSinceEnd: 0 },
    })
    // 50 of silver's 300 in 2027: back to regular at its end.
    await expect(runAt(NEXT_PERIOD_END + HOUR_MS)).resolves.toMatchObject({ summary: { affected: 1 } })
    await expect(memberOf(memberId)).resolves.toMatchObject({ tierId: 'regular', growth: 0 })
  })

  it('never drops a member below a tier granted by hand while it is valid, and leaves the grant as it was', async () => {
    const grant = (untilMs: number) => ({ tierId: 'gold', untilMs, grantedBy: ADMIN, reason: '合作伙伴' })
    const [held, lapsed] = await seedTiered(
      harness,
      'o-tiers-granted',
      [
        { ...due('gold', 2000, 0), grantedTier: grant(PERIOD_END + 90 * 24 * HOUR_MS) },
        { ...due('gold', 2000, 0), grantedTier: grant(PERIOD_END - 1000) },
      ],
      SEEDED_AT,
    )
    await expect(runAt(PERIOD_END + HOUR_MS)).resolves.toMatchObject({
      summary: { scanned: 2, affected: 1, effects: 1, skipped: 1 },
    })
    await expect(memberOf(held as string)).resolves.toMatchObject({
      tierId: 'gold',
      growth: 2000,
      grantedTier: grant(PERIOD_END + 90 * 24 * HOUR_MS),
      tierReviewAtMs: NEXT_PERIOD_END,
    })
    await expect(historyOf(held as string)).resolves.toEqual([])
    await expect(memberOf(lapsed as string)).resolves.toMatchObject({
      tierId: 'silver',
      grantedTier: grant(PERIOD_END - 1000),
    })
  })

  it('finds members written before growth was counted, keeps their tier, and counts them from then on', async () => {
    const [legacy] = await seedTiered(harness, 'o-tiers-legacy', [{ tierId: 'gold', growth: 2100 }], SEEDED_AT)
    expect(await memberOf(legacy as string)).not.toHaveProperty('tierReviewAtMs')
    await expect(runAt(PERIOD_END + HOUR_MS)).resolves.toMatchObject({ summary: { scanned: 1, affected: 0 } })
    await expect(memberOf(legacy as string)).resolves.toMatchObject({
      tierId: 'gold',
      growth: 2100,
      tierReviewAtMs: NEXT_PERIOD_END,
      qualification: { periodStartDay: '2027-01-01', growth: 0, partial: true },
    })
    // Its first counted period is partial (growth before counting began is unknown): kept again.
    await expect(runAt(NEXT_PERIOD_END + HOUR_MS)).resolves.toMatchObject({ summary: { scanned: 1, affected: 0 } })
    await expect(memberOf(legacy as string)).resolves.toMatchObject({
      tierId: 'gold',
      qualification: { periodStartDay: '2028-01-01', growth: 0, partial: false },
    })
    await expect(historyOf(legacy as string)).resolves.toEqual([])
  })

  it('does nothing the second time: the day is done, and the next day finds no member due', async () => {
    const members = await seedTiered(
      harness,
      'o-tiers-twice',
      Array.from({ length: 5 }, () => due('silver', 600, 0)),
      SEEDED_AT,
    )
    await expect(runAt(PERIOD_END + HOUR_MS)).resolves.toMatchObject({ summary: { effects: 5 } })
    await expect(runAt(PERIOD_END + 2 * HOUR_MS)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    await expect(runAt(PERIOD_END + 30 * HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 0, effects: 0 },
    })
    for (const memberId of members) {
      await expect(memberOf(memberId)).resolves.toMatchObject({ tierId: 'regular', growth: 0 })
      await expect(historyOf(memberId)).resolves.toHaveLength(1)
    }
  })

  it('writes each history entry once when a run starts over after its effects were written', async () => {
    const members = await seedTiered(harness, 'o-tiers-again', [due('gold', 2000, 0), due('gold', 2000, 0)], SEEDED_AT)
    await runAt(PERIOD_END + HOUR_MS)
    // As if the invocation died after its last unit of work but before saving: running, no cursor, lease lapsed.
    await harness.db
      .collection('job_runs')
      .doc('evaluateTiers:2027-01-01')
      .update({ data: { status: 'running', cursor: null, leaseUntilMs: 0, finishedAtMs: null } })
    await expect(runAt(PERIOD_END + 2 * HOUR_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { effects: 2 },
    })
    for (const memberId of members) {
      await expect(historyOf(memberId)).resolves.toHaveLength(1)
      await expect(memberOf(memberId)).resolves.toMatchObject({ tierId: 'silver' })
    }
  })

  it('lets one of two runs fired at once do the work; the others write nothing', async () => {
    const members = await seedTiered(
      harness,
      'o-tiers-overlap',
      Array.from({ length: 12 }, () => due('gold', 2200, 100)),
      SEEDED_AT,
    )
    await harness.warm('jobs')
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(PERIOD_END + HOUR_MS)))
    expectOneRunDidTheWork(outcomes)
    for (const memberId of members) {
      await expect(historyOf(memberId)).resolves.toHaveLength(1)
      // Dropped exactly one step, once.
      await expect(memberOf(memberId)).resolves.toMatchObject({ tierId: 'silver', growth: 500 })
    }
  })

  it('counts in a dry run what it would do, and writes nothing', async () => {
    const [member] = await seedTiered(
      harness,
      'o-tiers-dry',
      [due('gold', 2000, 0), due('gold', 2000, 1500), { tierId: 'silver', growth: 500 }],
      SEEDED_AT,
    )
    const before = await memberOf(member as string)
    await expect(runAt(PERIOD_END + HOUR_MS, true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { scanned: 3, affected: 1, effects: 1 },
    })
    await expect(memberOf(member as string)).resolves.toEqual(before)
    await expect(harness.db.collection('tier_history').count()).resolves.toMatchObject({ total: 0 })
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
  })
})

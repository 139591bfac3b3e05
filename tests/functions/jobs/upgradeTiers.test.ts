/**
 * The `upgradeTiers` job through the real SDK: after a published programme lowers thresholds, members
 * whose growth already reaches a higher tier move up with each crossed tier's gift, once, however
 * often or concurrently the job runs; nobody moves down and no points are taken.
 */
import type { JobOutcome } from '@shared/contracts'
import type { ProgrammeInput } from '@shared/programme/schema'
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'
import { insertTemplate, issuedOf } from '../coupon/testTemplates'
import { ADMIN } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { expectOneRunDidTheWork } from './overlappingRuns'
import { seedTiered } from './tieredMembers'

jest.setTimeout(90_000)

const DAY_MS = 86_400_000
/** 2026-06-15 12:00 in Shanghai. */
const SEEDED_AT = Date.UTC(2026, 5, 15, 4)
/** A day later, past every instance's one-minute copy of the programme. */
const PUBLISHED_AT = SEEDED_AT + DAY_MS

/** The demo programme with silver from 300 growth (was 500) and gold from 1500 (was 2000). */
const LOWERED: ProgrammeInput = {
  ...DEMO_PROGRAMME_INPUT,
  tiers: DEMO_PROGRAMME_INPUT.tiers.map((tier) => {
    if (tier.id === 'silver') return { ...tier, growthThreshold: 300 }
    return tier.id === 'gold' ? { ...tier, growthThreshold: 1500 } : tier
  }),
}

describe('jobs.upgradeTiers', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'upgradeTiers', dryRun }, { as: ADMIN, atMs }))
  const memberOf = async (memberId: string) => (await harness.db.collection('members').doc(memberId).get()).data
  const giftsOf = async (memberId: string) =>
    (await harness.db.collection('ledger').where({ memberId }).get()).data.filter((entry: { source: string }) =>
      entry.source.startsWith('upgrade:'),
    )

  /** Regular at 400 and silver at 1600 are due under LOWERED; regular at 200 and gold at 2100 are not. */
  async function seedAndLower(prefix: string): Promise<string[]> {
    const ids = await seedTiered(
      harness,
      prefix,
      [
        { tierId: 'regular', growth: 400 },
        { tierId: 'regular', growth: 200 },
        { tierId: 'silver', growth: 1600 },
        { tierId: 'gold', growth: 2100 },
      ],
      SEEDED_AT,
    )
    await harness.db.collection('programme').doc('current').set({ data: LOWERED })
    return ids
  }

  it('lifts the members a lowered threshold reaches, with each crossed tier’s gift, once', async () => {
    const [lifted, below, silver, gold] = (await seedAndLower('o-upgrade-job')) as [string, string, string, string]
    const before = await Promise.all([lifted, below, silver, gold].map(memberOf))

    // A dry run counts the two and writes nothing.
    await expect(runAt(PUBLISHED_AT, true)).resolves.toMatchObject({
      outcome: 'finished',
      dryRun: true,
      summary: { affected: 2, effects: 4, points: 400 },
    })
    await expect(Promise.all([lifted, below, silver, gold].map(memberOf))).resolves.toEqual(before)

    await harness.warm('jobs')
    const runs = await Promise.all(Array.from({ length: 3 }, () => runAt(PUBLISHED_AT + 1000)))
    expect(expectOneRunDidTheWork(runs).summary).toMatchObject({ affected: 2, effects: 4, points: 400 })

    await expect(memberOf(lifted)).resolves.toMatchObject({ tierId: 'silver', growth: 400, points: { balance: 101 } })
    await expect(memberOf(silver)).resolves.toMatchObject({ tierId: 'gold', growth: 1600, points: { balance: 301 } })
    await expect(memberOf(below)).resolves.toMatchObject({ tierId: 'regular', points: { balance: 1 } })
    await expect(memberOf(gold)).resolves.toMatchObject({ tierId: 'gold', points: { balance: 1 } })
    await expect(giftsOf(lifted)).resolves.toEqual([
      expect.objectContaining({ _id: `upgrade_${lifted}_silver_2026-01-01`, amount: 100 }),
    ])

    // The next day's run finds nobody due; the member's next purchase pays no second gift either.
    await expect(runAt(PUBLISHED_AT + DAY_MS)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { affected: 0, effects: 0 },
    })
    await expect(giftsOf(silver)).resolves.toHaveLength(1)
  })

  it('answers the card with the new tier right after the run', async () => {
    const [lifted] = (await seedAndLower('o-upgrade-card')) as [string]
    await runAt(PUBLISHED_AT)
    await expect(
      harness.call('member', 'card', {}, { as: 'o-upgrade-card-0', atMs: PUBLISHED_AT + 1000 }),
    ).resolves.toMatchObject({ ok: true, data: { tier: { id: 'silver' }, balance: 101 } })
    await expect(memberOf(lifted)).resolves.toMatchObject({ tierId: 'silver' })
  })

  it('gives a lifted member the crossed tier’s coupon gift once, whatever the runs', async () => {
    await insertTemplate(harness, { id: 'silver-welcome', totalQuantity: 10 })
    const [lifted] = (await seedAndLower('o-upgrade-coupon')) as [string]
    const silverGift = { points: 100, couponTemplateIds: ['silver-welcome'] }
    const lowered = {
      ...LOWERED,
      tiers: LOWERED.tiers.map((tier) => (tier.id === 'silver' ? { ...tier, upgradeGift: silverGift } : tier)),
    }
    await harness.db.collection('programme').doc('current').set({ data: lowered })
    // Days after the other tests' runs (a day's run happens once).
    await expect(runAt(PUBLISHED_AT + 2 * DAY_MS)).resolves.toMatchObject({ summary: { affected: 2 } })
    await runAt(PUBLISHED_AT + 3 * DAY_MS)
    const { data: coupons } = await harness.db.collection('coupons').where({ memberId: lifted }).get()
    expect(coupons).toMatchObject([{ _id: `upgrade_${lifted}_silver_2026-01-01_silver-welcome`, source: 'upgrade' }])
    await expect(issuedOf(harness, 'silver-welcome')).resolves.toEqual({ coupons: 1, issued: 1 })
    const { data: due } = await harness.db.collection('gift_coupons_due').where({ memberId: lifted }).get()
    expect(due).toEqual([])
  })
})

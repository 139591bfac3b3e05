/**
 * The `birthdayRewards` job through the real SDK: the tier's birthday gift (the demo programme:
 * points only, silver 100, gold 300; coupons added here) once per member and year, on the birthday
 * or from the first day of the birthday month, found by the `profile.birthday` index.
 */
import type { JobOutcome } from '@shared/contracts'
import { insertTemplate, issuedOf } from '../coupon/testTemplates'
import { ADMIN } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { expectOneRunDidTheWork, reopenAsIfDied } from './overlappingRuns'
import { seedTiered } from './tieredMembers'

jest.setTimeout(90_000)

/** Noon in Shanghai on a day. */
const noon = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day, 4)
const SEEDED_AT = Date.UTC(2026, 5, 1)

describe('jobs.birthdayRewards', () => {
  const harness = useFunctionHarness()

  const runAt = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'birthdayRewards', dryRun }, { as: ADMIN, atMs }))

  async function birthdayEntriesOf(memberId: string) {
    const { data } = await harness.db
      .collection('ledger')
      .where({ memberId, source: /^birthday/ })
      .get()
    return data as { _id: string; amount: number }[]
  }

  /** Changes the stored programme (instances reload it when their copy is a minute older than the call). */
  async function changeProgramme(change: (programme: Record<string, unknown>) => Record<string, unknown>) {
    const { data } = await harness.db.collection('programme').doc('current').get()
    const { _id, ...fields } = data
    await harness.db
      .collection('programme')
      .doc('current')
      .set({ data: change(fields) })
  }

  it('pays the tier’s gift on the birthday, not the day before, and nothing to a tier without one', async () => {
    const [silver, gold, regular, tomorrow] = await seedTiered(
      harness,
      'o-birthday-day',
      [
        { tierId: 'silver', growth: 600, birthday: '06-15' },
        { tierId: 'gold', growth: 2000, birthday: '06-15' },
        { tierId: 'regular', growth: 0, birthday: '06-15' },
        { tierId: 'silver', growth: 600, birthday: '06-16' },
      ],
      SEEDED_AT,
    )
    await expect(runAt(noon(2027, 6, 14))).resolves.toMatchObject({ summary: { scanned: 0, effects: 0 } })
    await expect(runAt(noon(2027, 6, 15))).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 3, affected: 2, effects: 2, points: 400 },
    })
    await expect(birthdayEntriesOf(silver as string)).resolves.toEqual([
      expect.objectContaining({ _id: `birthday_${silver}_2027`, amount: 100, source: 'birthday:2027' }),
    ])
    await expect(birthdayEntriesOf(gold as string)).resolves.toEqual([expect.objectContaining({ amount: 300 })])
    await expect(birthdayEntriesOf(regular as string)).resolves.toEqual([])
    await expect(birthdayEntriesOf(tomorrow as string)).resolves.toEqual([])
    const member = (await harness.db.collection('members').doc(silver).get()).data
    expect(member).toMatchObject({ birthdayGiftYear: 2027, points: { balance: 101 } })
  })

  it('pays once a year however often it runs, days missed in an outage included, and again the next year', async () => {
    const [member] = await seedTiered(
      harness,
      'o-birthday-twice',
      [{ tierId: 'gold', growth: 2000, birthday: '03-10' }],
      SEEDED_AT,
    )
    // The job did not run on 10 March (an outage): the run three days later still pays.
    await expect(runAt(noon(2027, 3, 13))).resolves.toMatchObject({ summary: { effects: 1, points: 300 } })
    await expect(runAt(noon(2027, 3, 13) + 3_600_000)).resolves.toMatchObject({ outcome: 'alreadyDone' })
    await expect(runAt(noon(2027, 3, 14))).resolves.toMatchObject({ summary: { scanned: 0, effects: 0 } })
    await expect(birthdayEntriesOf(member as string)).resolves.toHaveLength(1)
    await expect(runAt(noon(2028, 3, 10))).resolves.toMatchObject({ summary: { effects: 1 } })
    await expect(birthdayEntriesOf(member as string)).resolves.toHaveLength(2)
  })

  it('pays once when a run starts over after its coupon was issued but before its points were paid', async () => {
    await changeProgramme((programme) => ({
      ...programme,
      tiers: (programme.tiers as { id: string }[]).map((tier) =>
        tier.id === 'gold' ? { ...tier, birthdayGift: { points: 300, couponTemplateIds: ['free-americano'] } } : tier,
      ),
    }))
    const [member] = await seedTiered(
      harness,
      'o-birthday-crash',
      [{ tierId: 'gold', growth: 2000, birthday: '04-04' }],
      SEEDED_AT,
    )
    const memberId = member as string
    const { _id, ...unpaid } = (await harness.db.collection('members').doc(memberId).get()).data
    await expect(runAt(noon(2027, 4, 4))).resolves.toMatchObject({ summary: { effects: 2, points: 300 } })
    // As if the invocation died after the coupon's grant and before the points' unit of work: the
    // coupon stays, the member and the ledger are as before, the run is reopened.
    for (const entry of await birthdayEntriesOf(memberId)) await harness.db.collection('ledger').doc(entry._id).remove()
    await harness.db.collection('members').doc(memberId).set({ data: unpaid })
    await reopenAsIfDied(harness, 'birthdayRewards:2027-04-04')
    await expect(runAt(noon(2027, 4, 4) + 3_600_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { effects: 1, points: 300 },
    })
    await expect(birthdayEntriesOf(memberId)).resolves.toHaveLength(1)
    const { data: coupons } = await harness.db.collection('coupons').where({ memberId, source: 'birthday' }).get()
    expect(coupons).toHaveLength(1)
  })

  it('pays a 29 February birthday on 28 February in a year without one, and on the day in a leap year', async () => {
    const [member] = await seedTiered(
      harness,
      'o-birthday-leap',
      [{ tierId: 'silver', growth: 600, birthday: '02-29' }],
      SEEDED_AT,
    )
    await expect(runAt(noon(2027, 2, 27))).resolves.toMatchObject({ summary: { effects: 0 } })
    await expect(runAt(noon(2027, 2, 28))).resolves.toMatchObject({ summary: { effects: 1 } })
    await expect(runAt(noon(2028, 2, 28))).resolves.toMatchObject({ summary: { effects: 0 } })
    await expect(runAt(noon(2028, 2, 29))).resolves.toMatchObject({ summary: { effects: 1 } })
    await expect(birthdayEntriesOf(member as string)).resolves.toHaveLength(2)
  })

  it('lets one of runs fired at once pay; every member is paid exactly once', async () => {
    const members = await seedTiered(
      harness,
      'o-birthday-overlap',
      Array.from({ length: 12 }, () => ({ tierId: 'silver', growth: 600, birthday: '09-09' })),
      SEEDED_AT,
    )
    await harness.warm('jobs')
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => runAt(noon(2027, 9, 9))))
    expect(expectOneRunDidTheWork(outcomes).summary).toMatchObject({ effects: 12, points: 1200 })
    for (const memberId of members) await expect(birthdayEntriesOf(memberId)).resolves.toHaveLength(1)
  })

  it('pays the whole month on its first day when the programme says so', async () => {
    await changeProgramme((programme) => ({
      ...programme,
      automation: { ...(programme.automation as object), birthdayGiftOn: 'birthdayMonthStart' },
    }))
    const [july20, july31, august1] = await seedTiered(
      harness,
      'o-birthday-month',
      [
        { tierId: 'silver', growth: 600, birthday: '07-20' },
        { tierId: 'silver', growth: 600, birthday: '07-31' },
        { tierId: 'silver', growth: 600, birthday: '08-01' },
      ],
      SEEDED_AT,
    )
    await expect(runAt(noon(2027, 6, 30))).resolves.toMatchObject({ summary: { effects: 0 } })
    await expect(runAt(noon(2027, 7, 1))).resolves.toMatchObject({ summary: { scanned: 2, effects: 2, points: 200 } })
    // On the birthday itself nothing more: July was paid on the first.
    await expect(runAt(noon(2027, 7, 20))).resolves.toMatchObject({ summary: { scanned: 0 } })
    for (const memberId of [july20, july31])
      await expect(birthdayEntriesOf(memberId as string)).resolves.toHaveLength(1)
    await expect(birthdayEntriesOf(august1 as string)).resolves.toEqual([])
  })

  it('puts coupon gifts in the wallet, claim limit or not, never past a template’s total, once', async () => {
    await insertTemplate(harness, { id: 'birthday-cake', totalQuantity: 1 })
    await insertTemplate(harness, { id: 'retired-gift', status: 'retired' })
    await changeProgramme((programme) => ({
      ...programme,
      tiers: (programme.tiers as { id: string }[]).map((tier) =>
        tier.id === 'gold'
          ? {
              ...tier,
              birthdayGift: {
                points: 0,
                couponTemplateIds: ['free-americano', 'birthday-cake', 'retired-gift', 'no-such'],
              },
            }
          : tier,
      ),
    }))
    const [first, second] = await seedTiered(
      harness,
      'o-birthday-coupon',
      [
        { tierId: 'gold', growth: 2000, birthday: '11-11' },
        { tierId: 'gold', growth: 2000, birthday: '11-11' },
      ],
      SEEDED_AT,
    )
    // The first member already claimed the free Americano (limit 1 per member): a gift is not a claim.
    const claimAt = noon(2027, 11, 1)
    const claimed = await harness.call(
      'coupon',
      'claim',
      { templateId: 'free-americano', requestId: 'claim-americano-1' },
      { as: 'o-birthday-coupon-0', atMs: claimAt },
    )
    expect(claimed).toMatchObject({ ok: true })
    await expect(runAt(noon(2027, 11, 11))).resolves.toMatchObject({
      // Two Americanos and the one cake; the cake for the other member, the retired and the missing template are not issued.
      summary: { scanned: 2, affected: 2, effects: 3, points: 0, skipped: 5 },
    })
    await expect(issuedOf(harness, 'birthday-cake')).resolves.toEqual({ coupons: 1, issued: 1 })
    const walletOf = async (openid: string) =>
      dataOf(await harness.call('coupon', 'wallet', {}, { as: openid, atMs: noon(2027, 11, 11) })).coupons
    const firstWallet = await walletOf('o-birthday-coupon-0')
    // The claimed one and the birthday one.
    expect(firstWallet.filter((coupon) => coupon.templateId === 'free-americano')).toHaveLength(2)
    const secondWallet = await walletOf('o-birthday-coupon-1')
    const gifts = [...firstWallet, ...secondWallet].filter((coupon) => coupon.source === 'birthday')
    expect(gifts.map((coupon) => coupon.templateId).sort()).toEqual([
      'birthday-cake',
      'free-americano',
      'free-americano',
    ])
    // Both members are marked paid: a run starting over issues nothing more.
    await harness.db
      .collection('job_runs')
      .doc('birthdayRewards:2027-11-11')
      .update({ data: { status: 'running', cursor: null, leaseUntilMs: 0, finishedAtMs: null } })
    // The summary is the run's so far: the first pass's figures, nothing added.
    await expect(runAt(noon(2027, 11, 11) + 3_600_000)).resolves.toMatchObject({
      outcome: 'finished',
      summary: { scanned: 2, effects: 3, invocations: 2 },
    })
    const { total } = await harness.db.collection('coupons').where({ source: 'birthday' }).count()
    expect(total).toBe(3)
    for (const memberId of [first, second]) {
      await expect(harness.db.collection('members').doc(memberId).get()).resolves.toMatchObject({
        data: { birthdayGiftYear: 2027 },
      })
    }
  })

  it('counts in a dry run what it would do, and writes nothing', async () => {
    const [member] = await seedTiered(
      harness,
      'o-birthday-dry',
      [
        { tierId: 'gold', growth: 2000, birthday: '12-01' },
        { tierId: 'silver', growth: 600, birthday: '12-01' },
      ],
      SEEDED_AT,
    )
    const before = (await harness.db.collection('members').doc(member).get()).data
    const ledger = await harness.db.collection('ledger').count()
    await expect(runAt(noon(2027, 12, 1), true)).resolves.toMatchObject({
      dryRun: true,
      outcome: 'finished',
      summary: { scanned: 2, affected: 2, effects: 2, points: 400 },
    })
    await expect(harness.db.collection('ledger').count()).resolves.toEqual(ledger)
    await expect(harness.db.collection('members').doc(member).get()).resolves.toMatchObject({ data: before })
    await expect(harness.db.collection('job_runs').count()).resolves.toMatchObject({ total: 0 })
  })
})

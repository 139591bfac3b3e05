/**
 * Coupon gifts through the real SDK: the join gift's and a tier's upgrade gift's coupons (reached by
 * a purchase, an approved purchase, a check-in or the upgradeTiers job) are issued once per gift
 * (replays and twins included), never past a template's total; a sold-out or retired template
 * leaves the event done with the coupon skipped; and a coupon its event committed as due but never
 * issued (the invocation died) is issued by the deliverGiftCoupons job.
 */
import { insertTemplate, issuedOf } from '../coupon/testTemplates'
import { ADMIN, MANAGER, memberState, NOW, purchaseBy, STAFF, seedCustomer, updateMember } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { changeStoredProgramme, withUpgradeGift } from '../support/storedProgramme'

jest.setTimeout(90_000)

/** Each test's moment, minutes apart: a function instance reloads the programme a minute after its last read. */
const at = (test: number) => NOW + test * 10 * 60_000

describe('coupon gifts on join and on upgrade', () => {
  const harness = useFunctionHarness()

  const withJoinCoupons = (couponTemplateIds: string[]) =>
    changeStoredProgramme(harness, (programme) => ({
      ...programme,
      joinGift: { ...(programme.joinGift as object), couponTemplateIds },
    }))

  const couponsOf = async (memberId: string, source: string) =>
    (await harness.db.collection('coupons').where({ memberId, source }).get()).data as {
      _id: string
      templateId: string
    }[]

  it('gives the join coupons once, and a second join none', async () => {
    await insertTemplate(harness, { id: 'welcome', totalQuantity: 10 })
    await withJoinCoupons(['welcome'])
    const first = dataOf(
      await harness.call('member', 'join', { storeId: 'store-1' }, { as: 'o-gift-join', atMs: at(1) }),
    )
    expect(first).toMatchObject({
      joined: true,
      card: { usableCouponCount: 1 },
      giftCoupons: [{ templateId: 'welcome', skipped: null }],
    })
    const again = dataOf(await harness.call('member', 'join', {}, { as: 'o-gift-join', atMs: at(1) }))
    expect(again).toMatchObject({ joined: false, gift: null })
    expect(again.giftCoupons).toBeUndefined()
    const coupons = await couponsOf(first.card.memberId, 'join')
    expect(coupons.map((coupon) => coupon._id)).toEqual([`join_${first.card.memberId}_welcome`])
    await expect(issuedOf(harness, 'welcome')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('gives one join coupon when 8 joins from one user arrive at once', async () => {
    await insertTemplate(harness, { id: 'welcome', totalQuantity: 10 })
    await withJoinCoupons(['welcome'])
    await harness.warm('member')
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => harness.call('member', 'join', {}, { as: 'o-gift-race', atMs: at(2) })),
    )
    expect(answers.every((answer) => answer.ok)).toBe(true)
    const winners = answers.filter((answer) => answer.ok && answer.data.joined)
    expect(winners).toHaveLength(1)
    const losers = answers.filter((answer) => answer.ok && !answer.data.joined)
    expect(losers.every((answer) => answer.ok && answer.data.gift === null && !answer.data.giftCoupons)).toBe(true)
    await expect(issuedOf(harness, 'welcome')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('joins with the points when the coupon template is sold out or retired, recording the coupon as skipped', async () => {
    await insertTemplate(harness, { id: 'gone', totalQuantity: 1, issued: 1 })
    await insertTemplate(harness, { id: 'old', status: 'retired' })
    await withJoinCoupons(['gone', 'old'])
    const answer = dataOf(await harness.call('member', 'join', {}, { as: 'o-gift-soldout', atMs: at(3) }))
    expect(answer).toMatchObject({
      joined: true,
      card: { balance: 50, usableCouponCount: 0 },
      giftCoupons: [
        { templateId: 'gone', couponId: null, skipped: 'SOLD_OUT' },
        { templateId: 'old', couponId: null, skipped: 'COUPON_RETIRED' },
      ],
    })
    await expect(couponsOf(answer.card.memberId, 'join')).resolves.toEqual([])
    await expect(issuedOf(harness, 'gone')).resolves.toEqual({ coupons: 0, issued: 1 })
  })

  it('gives the upgrade coupon once with the purchase that crosses the threshold, and not on its replay', async () => {
    await insertTemplate(harness, { id: 'silver-gift', totalQuantity: 5 })
    await changeStoredProgramme(harness, withUpgradeGift('silver', { points: 100, couponTemplateIds: ['silver-gift'] }))
    const member = await seedCustomer(harness, { prefix: 'o-gift-upgrade', points: 0, atMs: at(4) })
    await updateMember(harness, member.memberId, { growth: 450 })
    const purchase = { memberId: member.memberId, amountFen: 10_000, requestId: 'gift-upgrade-1' }
    const record = () =>
      harness.call('staff', 'recordPurchase', purchaseBy(STAFF, purchase, at(4)), { as: STAFF, atMs: at(4) })
    const first = dataOf(await record())
    expect(first).toMatchObject({
      upgradedTo: { id: 'silver' },
      upgradeGiftPoints: 100,
      upgradeGiftCoupons: [{ templateId: 'silver-gift', skipped: null }],
    })
    const replay = dataOf(await record())
    expect(replay).toMatchObject({ replayed: true, upgradedTo: { id: 'silver' } })
    expect(replay.upgradeGiftCoupons).toBeUndefined()
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ tierId: 'silver' })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toHaveLength(1)
    await expect(issuedOf(harness, 'silver-gift')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('records the upgrade purchase when the gift template is sold out', async () => {
    await insertTemplate(harness, { id: 'silver-gift', totalQuantity: 1, issued: 1 })
    await changeStoredProgramme(harness, withUpgradeGift('silver', { points: 0, couponTemplateIds: ['silver-gift'] }))
    const member = await seedCustomer(harness, { prefix: 'o-gift-upgrade-out', points: 0, atMs: at(5) })
    await updateMember(harness, member.memberId, { growth: 450 })
    const purchase = { memberId: member.memberId, amountFen: 10_000, requestId: 'gift-upgrade-2' }
    const answer = dataOf(
      await harness.call('staff', 'recordPurchase', purchaseBy(STAFF, purchase, at(5)), { as: STAFF, atMs: at(5) }),
    )
    expect(answer).toMatchObject({
      replayed: false,
      upgradedTo: { id: 'silver' },
      upgradeGiftPoints: 0,
      upgradeGiftCoupons: [{ templateId: 'silver-gift', couponId: null, skipped: 'SOLD_OUT' }],
    })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toEqual([])
  })

  const dueOf = async (memberId: string) =>
    (await harness.db.collection('gift_coupons_due').where({ memberId }).get()).data as { _id: string }[]

  it('gives the upgrade coupon with the check-in that crosses the threshold, leaving nothing due', async () => {
    await insertTemplate(harness, { id: 'silver-gift', totalQuantity: 5 })
    await changeStoredProgramme(harness, withUpgradeGift('silver', { points: 0, couponTemplateIds: ['silver-gift'] }))
    const member = await seedCustomer(harness, { prefix: 'o-gift-checkin', points: 0, atMs: at(6) })
    await updateMember(harness, member.memberId, { growth: 499 })
    const answer = dataOf(await harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: at(6) }))
    expect(answer).toMatchObject({
      upgradedTo: { id: 'silver' },
      upgradeGiftCoupons: [{ templateId: 'silver-gift', skipped: null }],
    })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toHaveLength(1)
    await expect(dueOf(member.memberId)).resolves.toEqual([])
    await expect(
      harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: at(6) + 60_000 }),
    ).resolves.toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN' })
    await expect(issuedOf(harness, 'silver-gift')).resolves.toEqual({ coupons: 1, issued: 1 })
  })

  it('gives the upgrade coupon with a manager’s approval of a purchase that crosses the threshold', async () => {
    await insertTemplate(harness, { id: 'silver-gift', totalQuantity: 5 })
    await changeStoredProgramme(harness, withUpgradeGift('silver', { points: 0, couponTemplateIds: ['silver-gift'] }))
    const member = await seedCustomer(harness, { prefix: 'o-gift-approval', points: 0, atMs: at(7) })
    const purchase = { memberId: member.memberId, amountFen: 600_000, requestId: 'gift-approval-1' }
    const requested = dataOf(
      await harness.call('staff', 'requestApproval', purchaseBy(STAFF, purchase, at(7)), { as: STAFF, atMs: at(7) }),
    )
    const decision = {
      approvalId: requested.approval.approvalId,
      decision: 'approve' as const,
      requestId: 'gift-decision-1',
    }
    const decide = () => harness.call('admin', 'decideApproval', decision, { as: MANAGER, atMs: at(7) + 60_000 })
    await expect(decide()).resolves.toMatchObject({
      ok: true,
      data: { status: 'approved', upgradeGiftCoupons: [{ templateId: 'silver-gift', skipped: null }] },
    })
    await expect(decide()).resolves.toMatchObject({ ok: true, data: { replayed: true } })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toHaveLength(1)
    await expect(dueOf(member.memberId)).resolves.toEqual([])
  })

  it('commits the coupon as due with the event, before it is issued', async () => {
    // A crashed claim holds the template's last coupon: the grant waits for it (about 3 s) before it
    // answers sold out, and meanwhile the check-in has committed and its coupon is due.
    await insertTemplate(harness, { id: 'silver-held', totalQuantity: 1, issued: 1 })
    await harness.db
      .collection('coupon_templates')
      .doc('silver-held')
      .update({ data: { held: 1 } })
    await changeStoredProgramme(harness, withUpgradeGift('silver', { points: 0, couponTemplateIds: ['silver-held'] }))
    const member = await seedCustomer(harness, { prefix: 'o-gift-due', points: 0, atMs: at(8) })
    await updateMember(harness, member.memberId, { growth: 499 })
    const checkIn = harness.call('checkin', 'checkIn', {}, { as: member.openid, atMs: at(8) })
    let due: { _id: string }[] = []
    while (due.length === 0) {
      due = await dueOf(member.memberId)
      if (due.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(due).toMatchObject([
      { _id: expect.stringContaining('silver-held'), templateId: 'silver-held', source: 'upgrade' },
    ])
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ tierId: 'silver' })
    await expect(checkIn).resolves.toMatchObject({
      ok: true,
      data: { upgradeGiftCoupons: [{ templateId: 'silver-held', couponId: null, skipped: 'SOLD_OUT' }] },
    })
    await expect(dueOf(member.memberId)).resolves.toEqual([])
  })

  it('issues a coupon a crashed event left due, once, after the grace period, in the hourly deliverGiftCoupons job', async () => {
    await insertTemplate(harness, { id: 'left-due', totalQuantity: 5 })
    const member = await seedCustomer(harness, { prefix: 'o-gift-crashed', points: 0, atMs: at(9) })
    const key = `upgrade_${member.memberId}_silver_2026-11-01_left-due`
    // What an upgrade's unit of work commits when its invocation dies before the coupon: the due document only.
    await harness.db.collection('gift_coupons_due').add({
      data: { _id: key, memberId: member.memberId, templateId: 'left-due', source: 'upgrade', dueAtMs: at(9) },
    })
    const run = (atMs: number, dryRun = false) =>
      harness.call('jobs', 'run', { job: 'deliverGiftCoupons', dryRun }, { as: ADMIN, atMs })
    // Within the grace period its own event may still be issuing it: the job leaves it.
    await expect(run(at(9) + 60_000)).resolves.toMatchObject({ ok: true, data: { summary: { scanned: 0 } } })
    // The next hour: a dry run counts it, then the run issues it.
    const nextHour = at(9) + 3_600_000
    await expect(run(nextHour, true)).resolves.toMatchObject({
      ok: true,
      data: { outcome: 'finished', summary: { scanned: 1, effects: 1 } },
    })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toEqual([])
    await expect(run(nextHour)).resolves.toMatchObject({
      ok: true,
      data: { outcome: 'finished', summary: { scanned: 1, affected: 1, effects: 1, skipped: 0 } },
    })
    await expect(couponsOf(member.memberId, 'upgrade')).resolves.toMatchObject([{ _id: key, templateId: 'left-due' }])
    await expect(dueOf(member.memberId)).resolves.toEqual([])
    await expect(run(nextHour + 3_600_000)).resolves.toMatchObject({ ok: true, data: { summary: { scanned: 0 } } })
    await expect(issuedOf(harness, 'left-due')).resolves.toEqual({ coupons: 1, issued: 1 })
  })
})

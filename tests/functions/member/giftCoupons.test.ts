/**
 * Coupon gifts through the real SDK: the join gift's and a tier's upgrade gift's coupons are issued
 * once per gift (replays and twins included), never past a template's total, and a sold-out or
 * retired template leaves the event done with the coupon skipped.
 */
import { insertTemplate, issuedOf } from '../coupon/testTemplates'
import { memberState, NOW, purchaseBy, STAFF, seedCustomer, updateMember } from '../staff/staffFixtures'
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
})

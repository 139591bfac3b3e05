import { seedMember } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import {
  ADMIN,
  bindStoreTwo,
  codeFor,
  MANAGER,
  NOW,
  OTHER_STORE_STAFF,
  STAFF,
  snapshotOf,
} from '../staff/staffFixtures'
import { useFunctionHarness } from '../support/functionHarness'
import { insertTemplate } from './testTemplates'

jest.setTimeout(60_000)

/** The demo stores' names (emulator/seed/demoData.ts). */
const STORE_1 = '小满咖啡 · 国贸店'
const STORE_2 = '小满咖啡 · 西湖店'

describe('coupons usable only in the stores their template lists', () => {
  const harness = useFunctionHarness()

  const claim = (openid: string, templateId: string, requestId: string) =>
    harness.call('coupon', 'claim', { templateId, requestId }, { as: openid, atMs: NOW })

  async function claimed(openid: string, templateId: string, requestId: string): Promise<string> {
    const answer = await claim(openid, templateId, requestId)
    if (!answer.ok) throw new Error(answer.message)
    return answer.data.coupon.id
  }

  const verifyCoupon = (as: string, couponId: string, atMs = NOW + 60_000) =>
    harness.call('staff', 'verifyCoupon', { token: codeFor('coupon', couponId, { atMs }) }, { as, atMs })

  const storedCoupon = async (couponId: string) => (await harness.db.collection('coupons').doc(couponId).get()).data

  it('verifies a limited coupon in a listed store, recorded in that store', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'west-lake-only', storeIds: ['store-2'] })
    const member = await seedMember(harness, { prefix: 'o-listed', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'west-lake-only', 'listed-claim')
    await expect(verifyCoupon(OTHER_STORE_STAFF, couponId)).resolves.toMatchObject({
      ok: true,
      data: { couponId, storeId: 'store-2' },
    })
    await expect(storedCoupon(couponId)).resolves.toMatchObject({
      usedBy: OTHER_STORE_STAFF,
      usedStoreId: 'store-2',
      storeIds: ['store-2'],
    })
  })

  it.each([
    ['a clerk of a store not listed', STAFF],
    ['the manager of a store not listed', MANAGER],
    ['an admin, who verifies at no store', ADMIN],
  ])('refuses it to %s, naming where it can be used, and changes nothing', async (_, clerk) => {
    await insertTemplate(harness, { id: 'west-lake-only', storeIds: ['store-2'] })
    const member = await seedMember(harness, { prefix: 'o-unlisted', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'west-lake-only', 'unlisted-claim')
    const before = await snapshotOf(harness)
    await expect(verifyCoupon(clerk, couponId)).resolves.toEqual({
      ok: false,
      code: 'COUPON_NOT_VALID_IN_STORE',
      message: `该券仅限指定门店使用：${STORE_2}`,
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(storedCoupon(couponId)).resolves.toMatchObject({ usedAtMs: null, usedBy: null, usedStoreId: null })
  })

  it('offers at the counter only the coupons that counter can verify', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'west-lake-only', storeIds: ['store-2'] })
    await insertTemplate(harness, { id: 'anywhere' })
    const member = await seedMember(harness, { prefix: 'o-summary', points: 1, atMs: NOW })
    const limited = await claimed(member.openid, 'west-lake-only', 'summary-limited')
    const anywhere = await claimed(member.openid, 'anywhere', 'summary-anywhere')
    const offered = async (clerk: string) => {
      const token = codeFor('member', member.memberId, { atMs: NOW + 1000 })
      const answer = await harness.call('staff', 'resolveMemberCode', { token }, { as: clerk, atMs: NOW + 1000 })
      if (!answer.ok) throw new Error(answer.message)
      return answer.data.coupons.map((coupon) => coupon.id).sort()
    }
    await expect(offered(OTHER_STORE_STAFF)).resolves.toEqual([anywhere, limited].sort())
    await expect(offered(STAFF)).resolves.toEqual([anywhere])
    await expect(offered(ADMIN)).resolves.toEqual([anywhere])
  })

  it('reports a used limited coupon as used, not as the wrong store', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'west-lake-only', storeIds: ['store-2'] })
    const member = await seedMember(harness, { prefix: 'o-used-limited', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'west-lake-only', 'used-limited-claim')
    await expect(verifyCoupon(OTHER_STORE_STAFF, couponId)).resolves.toMatchObject({ ok: true })
    await expect(verifyCoupon(STAFF, couponId, NOW + 120_000)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_USED',
    })
  })

  it('verifies a coupon of a template without a store list in any store, and by an admin', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'anywhere', perMemberLimit: 3 })
    const member = await seedMember(harness, { prefix: 'o-anywhere', points: 1, atMs: NOW })
    for (const [index, clerk] of [STAFF, OTHER_STORE_STAFF, ADMIN].entries()) {
      const couponId = await claimed(member.openid, 'anywhere', `anywhere-claim-${index}`)
      await expect(storedCoupon(couponId)).resolves.toMatchObject({ storeIds: [] })
      await expect(verifyCoupon(clerk, couponId)).resolves.toMatchObject({ ok: true, data: { couponId } })
    }
  })

  it('verifies a coupon issued before templates named stores (no list stored) anywhere', async () => {
    const member = await seedMember(harness, { prefix: 'o-legacy', points: 1, atMs: NOW })
    const couponId = await claimed(member.openid, 'five-off-thirty', 'legacy-claim')
    const _ = harness.db.command
    await harness.db
      .collection('coupons')
      .doc(couponId)
      .update({ data: { storeIds: _.remove() } })
    await expect(storedCoupon(couponId)).resolves.not.toHaveProperty('storeIds')
    const wallet = await harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW })
    expect(wallet).toMatchObject({ ok: true, data: { coupons: [{ id: couponId, storeIds: [] }], storeNames: {} } })
    await expect(verifyCoupon(ADMIN, couponId)).resolves.toMatchObject({ ok: true })
  })

  it('keeps the list a coupon was issued with when the template is edited later', async () => {
    await bindStoreTwo(harness)
    await insertTemplate(harness, { id: 'edited', storeIds: ['store-2'], perMemberLimit: 2 })
    const member = await seedMember(harness, { prefix: 'o-edited', points: 1, atMs: NOW })
    const held = await claimed(member.openid, 'edited', 'edited-claim-1')
    await harness.db
      .collection('coupon_templates')
      .doc('edited')
      .update({ data: { storeIds: ['store-1'] } })
    const later = await claimed(member.openid, 'edited', 'edited-claim-2')
    await expect(storedCoupon(held)).resolves.toMatchObject({ storeIds: ['store-2'] })
    await expect(storedCoupon(later)).resolves.toMatchObject({ storeIds: ['store-1'] })
    await expect(verifyCoupon(STAFF, held)).resolves.toMatchObject({ ok: false, code: 'COUPON_NOT_VALID_IN_STORE' })
    await expect(verifyCoupon(OTHER_STORE_STAFF, held)).resolves.toMatchObject({ ok: true })
    await expect(verifyCoupon(OTHER_STORE_STAFF, later)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_VALID_IN_STORE',
      message: `该券仅限指定门店使用：${STORE_1}`,
    })
    await expect(verifyCoupon(STAFF, later)).resolves.toMatchObject({ ok: true })
  })

  it('copies the list onto a coupon bought in the points mall', async () => {
    await insertTemplate(harness, { id: 'mall-limited', storeIds: ['store-1', 'store-2'] })
    await insertItem(harness, { id: 'item-limited', kind: 'coupon', couponTemplateId: 'mall-limited' })
    const member = await seedMember(harness, { prefix: 'o-mall-limited', points: 500, atMs: NOW })
    const answer = await harness.call(
      'mall',
      'redeem',
      { itemId: 'item-limited', requestId: 'mall-limited-1' },
      { as: member.openid, atMs: NOW },
    )
    expect(answer).toMatchObject({
      ok: true,
      data: { redemption: { kind: 'coupon', coupon: { storeIds: ['store-1', 'store-2'] } } },
    })
    const couponId = answer.ok && answer.data.redemption.kind === 'coupon' ? answer.data.redemption.coupon.id : ''
    await expect(storedCoupon(couponId)).resolves.toMatchObject({ source: 'redeem', storeIds: ['store-1', 'store-2'] })
    await expect(verifyCoupon(ADMIN, couponId)).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_VALID_IN_STORE',
      message: `该券仅限指定门店使用：${STORE_1}、${STORE_2}`,
    })
    await expect(verifyCoupon(STAFF, couponId)).resolves.toMatchObject({ ok: true })
  })

  it('shows the wallet each coupon’s stores with their names, in one more request only when one is limited', async () => {
    await insertTemplate(harness, { id: 'west-lake-only', storeIds: ['store-2'] })
    await insertTemplate(harness, { id: 'with-a-gone-store', storeIds: ['store-1', 'store-closed'] })
    const member = await seedMember(harness, { prefix: 'o-wallet-stores', points: 1, atMs: NOW })
    const anywhere = await claimed(member.openid, 'five-off-thirty', 'wallet-stores-1')
    const callWallet = () => harness.call('coupon', 'wallet', {}, { as: member.openid, atMs: NOW })
    await callWallet()
    await expect(harness.countRequests(callWallet)).resolves.toBe(1)
    const limited = await claimed(member.openid, 'west-lake-only', 'wallet-stores-2')
    const partly = await claimed(member.openid, 'with-a-gone-store', 'wallet-stores-3')
    let wallet: Awaited<ReturnType<typeof callWallet>> | undefined
    await expect(
      harness.countRequests(async () => {
        wallet = await callWallet()
      }),
    ).resolves.toBe(2)
    expect(wallet).toMatchObject({ ok: true, data: { storeNames: { 'store-1': STORE_1, 'store-2': STORE_2 } } })
    const storesOf = (couponId: string) =>
      wallet?.ok ? wallet.data.coupons.find((coupon) => coupon.id === couponId)?.storeIds : undefined
    expect([storesOf(anywhere), storesOf(limited), storesOf(partly)]).toEqual([
      [],
      ['store-2'],
      ['store-1', 'store-closed'],
    ])
    expect(wallet?.ok && Object.keys(wallet.data.storeNames).sort()).toEqual(['store-1', 'store-2'])
    const callGet = (couponId: string) => harness.call('coupon', 'get', { couponId }, { as: member.openid, atMs: NOW })
    await expect(callGet(partly)).resolves.toMatchObject({
      ok: true,
      data: { coupon: { id: partly, storeIds: ['store-1', 'store-closed'] }, storeNames: { 'store-1': STORE_1 } },
    })
    await expect(harness.countRequests(() => callGet(limited))).resolves.toBe(2)
    await expect(harness.countRequests(() => callGet(anywhere))).resolves.toBe(1)
  })

  it.each([
    ['a store listed twice', ['store-2', 'store-2']],
    ['a store id that is not one', ['store 2']],
    ['more stores than a template may list', Array.from({ length: 21 }, (_, index) => `store-${index}`)],
  ])('refuses to issue from a stored template with %s, as an invalid template', async (_, storeIds) => {
    await insertTemplate(harness, { id: 'bad-stores', storeIds })
    const member = await seedMember(harness, { prefix: 'o-bad-stores', points: 1, atMs: NOW })
    await expect(claim(member.openid, 'bad-stores', 'bad-stores-1')).resolves.toMatchObject({
      ok: false,
      code: 'COUPON_NOT_FOUND',
    })
    const { total } = await harness.db.collection('coupons').where({ templateId: 'bad-stores' }).count()
    expect(total).toBe(0)
  })
})

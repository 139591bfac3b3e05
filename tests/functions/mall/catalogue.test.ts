import { useFunctionHarness } from '../support/functionHarness'
import { seedMember } from './seededMembers'
import { insertItem } from './testItems'

jest.setTimeout(60_000)

const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
const NOW = shanghaiNoon(23)

describe('mall.catalogue and mall.item', () => {
  const harness = useFunctionHarness()

  it('shows each item with whether the caller can redeem it, why not, and the 积分够 badge', async () => {
    await insertItem(harness, { id: 'coming-soon', pointsPrice: 10, saleStartsAtMs: NOW + 3_600_000 })
    await insertItem(harness, { id: 'sale-over', pointsPrice: 10, saleEndsAtMs: NOW })
    await insertItem(harness, { id: 'withdrawn', pointsPrice: 10, status: 'offSale' })
    await insertItem(harness, { id: 'sold-out', pointsPrice: 20, stock: 0 })
    const member = await seedMember(harness, { prefix: 'o-catalogue', points: 500, atMs: NOW })
    await harness.call(
      'mall',
      'redeem',
      { itemId: 'item-tote-bag', requestId: 'catalogue-1' },
      { as: member.openid, atMs: NOW },
    )
    const answer = await harness.call('mall', 'catalogue', {}, { as: member.openid, atMs: NOW })
    expect(answer).toMatchObject({
      ok: true,
      data: {
        balance: 200,
        items: [
          { id: 'coming-soon', canRedeem: false, reason: 'NOT_ON_SALE', affordable: true },
          { id: 'sold-out', canRedeem: false, reason: 'OUT_OF_STOCK', affordable: true },
          { id: 'item-five-off-coupon', kind: 'coupon', canRedeem: true, reason: null, affordable: true },
          {
            id: 'item-tote-bag',
            canRedeem: false,
            reason: 'LIMIT_REACHED',
            redeemedByMember: 1,
            stock: 49,
            affordable: false,
          },
          { id: 'item-mug', canRedeem: false, reason: 'TIER_REQUIRED', affordable: false },
        ],
      },
    })
  })

  it('says POINTS_INSUFFICIENT when points are the only thing missing', async () => {
    const member = await seedMember(harness, { prefix: 'o-poor', points: 50, atMs: NOW })
    const answer = await harness.call('mall', 'catalogue', {}, { as: member.openid, atMs: NOW })
    expect(answer.ok && answer.data.items.find((item) => item.id === 'item-five-off-coupon')).toMatchObject({
      canRedeem: false,
      reason: 'POINTS_INSUFFICIENT',
      affordable: false,
    })
  })

  it('shows visitors the items, with NOT_A_MEMBER', async () => {
    const answer = await harness.call('mall', 'catalogue', {}, { as: 'o-visitor', atMs: NOW })
    expect(answer).toMatchObject({ ok: true, data: { balance: null } })
    expect(answer.ok && answer.data.items.map((item) => item.reason)).toEqual([
      'NOT_A_MEMBER',
      'NOT_A_MEMBER',
      'NOT_A_MEMBER',
    ])
  })

  it('leaves out items whose stored document no longer validates', async () => {
    await harness.db
      .collection('mall_items')
      .add({ data: { _id: 'broken', title: '', pointsPrice: -1, status: 'onSale' } })
    const answer = await harness.call('mall', 'catalogue', {}, { as: 'o-visitor', atMs: NOW })
    expect(answer.ok && answer.data.items.map((item) => item.id)).toEqual([
      'item-five-off-coupon',
      'item-tote-bag',
      'item-mug',
    ])
    await expect(
      harness.call('mall', 'item', { itemId: 'broken' }, { as: 'o-visitor', atMs: NOW }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'ITEM_NOT_FOUND',
    })
  })

  it('answers an item’s detail with what its coupon gives', async () => {
    const member = await seedMember(harness, { prefix: 'o-detail', points: 500, atMs: NOW })
    await expect(
      harness.call('mall', 'item', { itemId: 'item-five-off-coupon' }, { as: member.openid, atMs: NOW }),
    ).resolves.toMatchObject({
      ok: true,
      data: {
        id: 'item-five-off-coupon',
        title: '¥5 代金券',
        pointsPrice: 100,
        canRedeem: true,
        balance: 500,
        couponTemplate: {
          id: 'five-off-thirty',
          benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
          validity: { kind: 'afterIssue', days: 30 },
        },
      },
    })
    await expect(
      harness.call('mall', 'item', { itemId: 'item-tote-bag' }, { as: member.openid, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true, data: { kind: 'pickup', couponTemplate: null } })
    await expect(
      harness.call('mall', 'item', { itemId: 'no-such-item' }, { as: member.openid, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'ITEM_NOT_FOUND' })
  })

  it('costs 3 database requests for the catalogue, made at once', async () => {
    const member = await seedMember(harness, { prefix: 'o-count', points: 500, atMs: NOW })
    await expect(
      harness.countRequests(() => harness.call('mall', 'catalogue', {}, { as: member.openid, atMs: NOW })),
    ).resolves.toBe(3)
  })
})

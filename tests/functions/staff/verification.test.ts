import { useFunctionHarness } from '../support/functionHarness'
import {
  ADMIN,
  bindStoreTwo,
  codeFor,
  insertCoupon,
  insertOrder,
  MANAGER,
  NOW,
  OTHER_STORE_STAFF,
  STAFF,
  seedCustomer,
  snapshotOf,
} from './staffFixtures'

jest.setTimeout(60_000)

describe('staff: verifying coupons and pickup orders', () => {
  const harness = useFunctionHarness()

  const verifyCoupon = (as: string, couponId: string, atMs = NOW) =>
    harness.call('staff', 'verifyCoupon', { token: codeFor('coupon', couponId, { atMs }) }, { as, atMs })

  describe('verifyCoupon', () => {
    it('marks the coupon used by the staff member, in their store, and audits it', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-coupon', points: 0 })
      await insertCoupon(harness, { id: 'coupon-1', memberId: member.memberId })
      await expect(verifyCoupon(STAFF, 'coupon-1')).resolves.toEqual({
        ok: true,
        data: {
          couponId: 'coupon-1',
          memberId: member.memberId,
          title: '满30减5',
          benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
          usedAtMs: expect.any(Number),
          storeId: 'store-1',
        },
      })
      const { data: coupon } = await harness.db.collection('coupons').doc('coupon-1').get()
      expect(coupon).toMatchObject({ usedAtMs: expect.any(Number), usedBy: STAFF, usedStoreId: 'store-1' })
      const { data: audit } = await harness.db.collection('audit').doc('coupon_coupon-1').get()
      expect(audit).toMatchObject({
        action: 'verifyCoupon',
        operatorOpenid: STAFF,
        memberId: member.memberId,
        storeId: 'store-1',
      })
    })

    it('answers a second verification with who verified it, when and in which store', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-coupon-twice', points: 0 })
      await insertCoupon(harness, { id: 'coupon-twice', memberId: member.memberId })
      await expect(verifyCoupon(STAFF, 'coupon-twice')).resolves.toMatchObject({ ok: true })
      const before = await snapshotOf(harness)
      await expect(verifyCoupon(MANAGER, 'coupon-twice', NOW + 60_000)).resolves.toEqual({
        ok: false,
        code: 'COUPON_USED',
        message: '优惠券已使用：小林 于 2026-11-23 12:00 在 小满咖啡 · 国贸店核销',
        details: {
          byOpenid: STAFF,
          byName: '小林',
          storeId: 'store-1',
          storeName: '小满咖啡 · 国贸店',
          atMs: expect.any(Number),
        },
      })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
    })

    it('uses a coupon once when 10 staff verify it at the same moment', async () => {
      await bindStoreTwo(harness)
      const member = await seedCustomer(harness, { prefix: 'o-coupon-storm', points: 0 })
      await insertCoupon(harness, { id: 'coupon-storm', memberId: member.memberId })
      const staff = [STAFF, MANAGER, ADMIN, OTHER_STORE_STAFF]
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, index) => verifyCoupon(staff[index % staff.length] as string, 'coupon-storm')),
      )
      expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
      expect(answers.filter((answer) => !answer.ok && answer.code === 'COUPON_USED')).toHaveLength(9)
      const { data: audits } = await harness.db.collection('audit').where({ action: 'verifyCoupon' }).get()
      expect(audits).toHaveLength(1)
    })

    it.each([
      ['expired', { validUntilMs: NOW }, 'COUPON_EXPIRED'],
      ['not yet valid', { validFromMs: NOW + 3_600_000 }, 'COUPON_NOT_STARTED'],
    ])('refuses a coupon that is %s, changing nothing', async (_state, window, code) => {
      const member = await seedCustomer(harness, { prefix: 'o-coupon-window', points: 0 })
      await insertCoupon(harness, { id: 'coupon-window', memberId: member.memberId, ...window })
      const before = await snapshotOf(harness)
      await expect(verifyCoupon(STAFF, 'coupon-window')).resolves.toMatchObject({ ok: false, code })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
    })

    it('answers COUPON_NOT_FOUND for a genuine code of a coupon that does not exist', async () => {
      await expect(verifyCoupon(STAFF, 'no-such-coupon')).resolves.toMatchObject({
        ok: false,
        code: 'COUPON_NOT_FOUND',
      })
    })

    it('records an admin’s verification without a store', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-coupon-admin', points: 0 })
      await insertCoupon(harness, { id: 'coupon-admin', memberId: member.memberId })
      await expect(verifyCoupon(ADMIN, 'coupon-admin')).resolves.toMatchObject({ ok: true, data: { storeId: null } })
      await expect(verifyCoupon(STAFF, 'coupon-admin')).resolves.toMatchObject({
        ok: false,
        code: 'COUPON_USED',
        message: expect.stringContaining('品牌管理员'),
        details: { storeId: null, storeName: null },
      })
    })

    it('costs 7 database requests (programme cached)', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-coupon-count', points: 0 })
      await insertCoupon(harness, { id: 'coupon-count', memberId: member.memberId })
      await Promise.all(Array.from({ length: 16 }, () => verifyCoupon(STAFF, 'warm-up-only')))
      await expect(harness.countRequests(() => verifyCoupon(STAFF, 'coupon-count'))).resolves.toBe(7)
    })
  })

  describe('verifyPickup', () => {
    const verifyPickup = (as: string, pickupCode: string, atMs = NOW) =>
      harness.call('staff', 'verifyPickup', { pickupCode }, { as, atMs })

    it('hands over the order once: collected, by whom and where; a second attempt says so', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-pickup', points: 0 })
      await insertOrder(harness, { id: 'order-1', memberId: member.memberId, pickupCode: '12345678' })
      await expect(verifyPickup(STAFF, '12345678')).resolves.toEqual({
        ok: true,
        data: {
          orderId: 'order-1',
          memberId: member.memberId,
          title: '帆布袋',
          pickupCode: '12345678',
          pickedUpAtMs: expect.any(Number),
          storeId: 'store-1',
        },
      })
      const { data: order } = await harness.db.collection('orders').doc('order-1').get()
      expect(order).toMatchObject({
        status: 'pickedUp',
        pickedUpAtMs: expect.any(Number),
        pickedUpBy: STAFF,
        pickedUpStoreId: 'store-1',
      })
      const before = await snapshotOf(harness)
      await expect(verifyPickup(MANAGER, '12345678', NOW + 1000)).resolves.toEqual({
        ok: false,
        code: 'ALREADY_PICKED_UP',
        message: '该订单已领取：小林 于 2026-11-23 12:00 在 小满咖啡 · 国贸店领取',
        details: {
          byOpenid: STAFF,
          byName: '小林',
          storeId: 'store-1',
          storeName: '小满咖啡 · 国贸店',
          atMs: expect.any(Number),
        },
      })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
      // The member's own order list shows it collected.
      await expect(harness.call('mall', 'orders', {}, { as: member.openid, atMs: NOW })).resolves.toMatchObject({
        ok: true,
        data: { orders: [{ id: 'order-1', status: 'pickedUp', pickedUpAtMs: expect.any(Number) }] },
      })
    })

    it('hands an order over once when 10 staff verify its code at the same moment', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-pickup-storm', points: 0 })
      await insertOrder(harness, { id: 'order-storm', memberId: member.memberId, pickupCode: '00000042' })
      const answers = await Promise.all(Array.from({ length: 10 }, () => verifyPickup(STAFF, '00000042')))
      expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
      expect(answers.filter((answer) => !answer.ok && answer.code === 'ALREADY_PICKED_UP')).toHaveLength(9)
    })

    it('refuses a cancelled order and an unknown code, changing nothing', async () => {
      const member = await seedCustomer(harness, { prefix: 'o-pickup-cancelled', points: 0 })
      await insertOrder(harness, {
        id: 'order-x',
        memberId: member.memberId,
        pickupCode: '87654321',
        status: 'cancelled',
      })
      const before = await snapshotOf(harness)
      await expect(verifyPickup(STAFF, '87654321')).resolves.toMatchObject({ ok: false, code: 'ORDER_CANCELLED' })
      await expect(verifyPickup(STAFF, '11112222')).resolves.toMatchObject({ ok: false, code: 'PICKUP_CODE_NOT_FOUND' })
      await expect(snapshotOf(harness)).resolves.toEqual(before)
    })
  })
})

import { COUPON_STORE_COUNT_MAX, couponStoreIds, newCoupon, storeListText, storeUsability } from '@shared/coupon'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'
import { FIVE_OFF_THIRTY } from './fixtures'

const T = Date.UTC(2026, 10, 24, 4)
const limited = { storeIds: ['store-1', 'store-3'] }

describe('storeUsability', () => {
  it.each([
    ['a coupon without a store list (issued before templates named stores)', {}, 'store-2'],
    ['a coupon with an empty store list', { storeIds: [] }, 'store-2'],
    ['a coupon without a store list, verified by an admin', {}, null],
    ['a limited coupon in a listed store', limited, 'store-3'],
  ] as const)('accepts %s', (_, coupon, storeId) => {
    expect(storeUsability({ coupon, storeId })).toEqual({ ok: true, data: undefined })
  })

  it.each([
    ['in a store not listed', 'store-2'],
    ['in a store whose id only differs in case', 'Store-1'],
    ['by an admin, who verifies at no store', null],
  ] as const)('refuses a limited coupon %s', (_, storeId) => {
    expect(storeUsability({ coupon: limited, storeId })).toEqual({
      ok: false,
      code: 'COUPON_NOT_VALID_IN_STORE',
      message: '该券仅限指定门店使用',
    })
  })

  it('accepts exactly the listed stores, and any store when none is listed', () => {
    const storeId = fc.stringMatching(/^[a-z0-9-]{1,8}$/)
    fc.assert(
      fc.property(fc.uniqueArray(storeId, { maxLength: COUPON_STORE_COUNT_MAX }), storeId, (storeIds, candidate) => {
        const usable = storeUsability({ coupon: { storeIds }, storeId: candidate }).ok
        expect(usable).toBe(storeIds.length === 0 || storeIds.includes(candidate))
      }),
    )
  })
})

describe('couponStoreIds', () => {
  it('reads an absent list as every store', () => {
    expect(couponStoreIds({})).toEqual([])
    expect(couponStoreIds(limited)).toEqual(['store-1', 'store-3'])
  })
})

describe('newCoupon', () => {
  const issue = (template: typeof FIVE_OFF_THIRTY) =>
    newCoupon({
      id: 'c1',
      memberId: 'm1',
      template,
      programme: DEMO_PROGRAMME,
      source: 'claim',
      sourceId: template.id,
      requestId: 'r1',
      issuedAtMs: T,
    })

  it("copies the template's stores, as a list of its own", () => {
    const storeIds = ['store-2']
    const coupon = issue({ ...FIVE_OFF_THIRTY, storeIds })
    expect(coupon.storeIds).toEqual(['store-2'])
    storeIds.push('store-9')
    expect(coupon.storeIds).toEqual(['store-2'])
  })

  it('writes an empty list for a template valid in every store', () => {
    expect(issue(FIVE_OFF_THIRTY).storeIds).toEqual([])
  })
})

describe('storeListText', () => {
  const names = { 'store-1': '望京店', 'store-3': '三里屯店' }

  it('lists the names in the order of the list', () => {
    expect(storeListText(['store-3', 'store-1'], names)).toBe('三里屯店、望京店')
  })

  it('counts the stores whose names are unknown', () => {
    expect(storeListText(['store-1', 'store-gone', 'store-3'], names)).toBe('望京店、三里屯店 等 3 家门店')
  })

  it('answers null when no name is known, and never reads inherited names', () => {
    expect(storeListText(['store-gone'], names)).toBeNull()
    expect(storeListText(['constructor', 'toString'], names)).toBeNull()
  })
})

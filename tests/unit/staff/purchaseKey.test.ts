import { PURCHASE_KEY_LENGTH_MAX, receiptPurchaseKey, reversalKeyOf } from '@shared/staff'
import fc from 'fast-check'

describe('receiptPurchaseKey', () => {
  it('spells the store and receipt out when they fit', () => {
    expect(receiptPurchaseKey({ storeId: 'store-1', receiptNo: 'R-0001' })).toBe('purchase_store-1_R-0001')
  })

  it('answers null when the key would not fit, so that the caller hashes it', () => {
    expect(receiptPurchaseKey({ storeId: 's'.repeat(40), receiptNo: 'R'.repeat(32) })).toBeNull()
  })

  it('keeps every key it answers, and its reversal key, within the history cursor’s 64 characters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        fc.stringMatching(/^[A-Za-z0-9-]{1,32}$/),
        (storeId, receiptNo) => {
          const key = receiptPurchaseKey({ storeId, receiptNo })
          if (key === null) return
          expect(key.length).toBeLessThanOrEqual(PURCHASE_KEY_LENGTH_MAX)
          expect(reversalKeyOf(key).length).toBeLessThanOrEqual(64)
        },
      ),
    )
  })
})

describe('reversalKeyOf', () => {
  it('prefixes the purchase key', () => {
    expect(reversalKeyOf('purchase_store-1_R-0001')).toBe('reverse_purchase_store-1_R-0001')
  })
})

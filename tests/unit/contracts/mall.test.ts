import { claimInput, previewInput, redeemInput, requestIdSchema } from '@shared/contracts'

describe('requestIdSchema', () => {
  it.each([
    ['8 url-safe characters', 'aZ0-_aZ0', true],
    ['a UUID', '3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65', true],
    ['64 characters', 'x'.repeat(64), true],
    ['7 characters', 'x'.repeat(7), false],
    ['65 characters', 'x'.repeat(65), false],
    ['a space', 'abc def gh', false],
    ['a slash', 'abc/defgh', false],
  ])('%s: %s', (_case, value, accepted) => {
    expect(requestIdSchema.safeParse(value).success).toBe(accepted)
  })
})

describe('mall and coupon inputs', () => {
  it('refuse fields they do not know', () => {
    expect(redeemInput.safeParse({ itemId: 'item-mug', requestId: 'abcdefgh', pointsPrice: 1 }).success).toBe(false)
    expect(claimInput.safeParse({ templateId: 'five-off-thirty', requestId: 'abcdefgh', memberId: 'm' }).success).toBe(
      false,
    )
  })

  it('take order amounts in whole, non-negative fen', () => {
    expect(previewInput.safeParse({ couponId: 'c1', orderAmountFen: 3000 }).success).toBe(true)
    expect(previewInput.safeParse({ couponId: 'c1', orderAmountFen: 30.5 }).success).toBe(false)
    expect(previewInput.safeParse({ couponId: 'c1', orderAmountFen: -1 }).success).toBe(false)
  })
})

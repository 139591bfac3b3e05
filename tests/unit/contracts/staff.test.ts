import {
  acceptInviteInput,
  createInviteInput,
  INVITE_CODE_LENGTH,
  previewPurchaseInput,
  RECEIPT_NUMBER_LENGTH_MAX,
  recordPurchaseInput,
  resolveMemberCodeInput,
  reversePurchaseInput,
  STAFF_PURCHASE_AMOUNT_FEN_MAX,
  staffMeInput,
  todayInput,
  unbindInput,
  verifyCouponInput,
  verifyPickupInput,
} from '@shared/contracts'

const purchase = { session: 'S1.m_a1.t5x9q0.t5x9r0.nonce-01.signature', amountFen: 8800, requestId: 'request-0001' }

describe('the staff contract', () => {
  it.each([
    ['a whole positive amount', 8800, true],
    ['the largest amount', STAFF_PURCHASE_AMOUNT_FEN_MAX, true],
    ['one fen more', STAFF_PURCHASE_AMOUNT_FEN_MAX + 1, false],
    ['zero', 0, false],
    ['a negative amount', -1, false],
    ['a fraction of a fen', 0.5, false],
    ['NaN', Number.NaN, false],
    ['infinity', Number.POSITIVE_INFINITY, false],
  ])('accepts %s as a purchase amount: %s', (_label, amountFen, accepted) => {
    expect(recordPurchaseInput.safeParse({ ...purchase, amountFen }).success).toBe(accepted)
    expect(previewPurchaseInput.safeParse({ session: purchase.session, amountFen }).success).toBe(accepted)
  })

  it('takes receipt numbers of letters, digits and dashes up to the maximum', () => {
    const accepts = (receiptNo: string) => recordPurchaseInput.safeParse({ ...purchase, receiptNo }).success
    expect(accepts('R-2026-0001')).toBe(true)
    expect(accepts('R'.repeat(RECEIPT_NUMBER_LENGTH_MAX))).toBe(true)
    expect(accepts('R'.repeat(RECEIPT_NUMBER_LENGTH_MAX + 1))).toBe(false)
    expect(accepts('R_1')).toBe(false)
    expect(accepts('')).toBe(false)
  })

  it('refuses fields it does not know, such as a claimed store or role, or a member id', () => {
    expect(recordPurchaseInput.safeParse({ ...purchase, storeId: 'store-2' }).success).toBe(false)
    expect(recordPurchaseInput.safeParse({ ...purchase, memberId: 'm_a1' }).success).toBe(false)
    expect(staffMeInput.safeParse({ role: 'admin' }).success).toBe(false)
    expect(createInviteInput.safeParse({ role: 'admin', storeId: 'store-1' }).success).toBe(false)
  })

  it('checks the shape of codes, ids and reasons', () => {
    expect(acceptInviteInput.safeParse({ code: 'A'.repeat(INVITE_CODE_LENGTH) }).success).toBe(true)
    expect(acceptInviteInput.safeParse({ code: 'A'.repeat(INVITE_CODE_LENGTH), name: '  ' }).success).toBe(false)
    expect(unbindInput.safeParse({ openid: 'o-demo-staff-store-1', reason: '离职' }).success).toBe(true)
    expect(unbindInput.safeParse({ openid: 'o-demo-staff-store-1', reason: ' ' }).success).toBe(false)
    expect(unbindInput.safeParse({ openid: 'o-demo-staff-store-1' }).success).toBe(false)
    expect(resolveMemberCodeInput.safeParse({ token: '' }).success).toBe(false)
    expect(verifyCouponInput.safeParse({ token: 'C1.x' }).success).toBe(true)
    expect(verifyPickupInput.safeParse({ pickupCode: '01234567' }).success).toBe(true)
    expect(verifyPickupInput.safeParse({ pickupCode: '0123456a' }).success).toBe(false)
    expect(reversePurchaseInput.safeParse({ purchaseEntryId: 'purchase_store-1_R1', reason: '退款' }).success).toBe(
      true,
    )
    expect(reversePurchaseInput.safeParse({ purchaseEntryId: 'purchase_store-1_R1', reason: ' ' }).success).toBe(false)
    expect(todayInput.safeParse({ scope: 'store' }).success).toBe(true)
    expect(todayInput.safeParse({ scope: 'everyone' }).success).toBe(false)
  })
})

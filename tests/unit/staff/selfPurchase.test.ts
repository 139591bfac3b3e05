import { selfPurchaseAttempt } from '@shared/staff'
import { manager, memberNamed, NOW, staffMember } from './staffFixtures'

describe('selfPurchaseAttempt', () => {
  const input = { key: 'purchase_store-1_R1', amountFen: 8800, receiptNo: 'R1' }

  it('refuses a staff member’s purchase for their own member account, and keeps the attempt', () => {
    const own = memberNamed('m-own', { openid: staffMember.openid })
    expect(selfPurchaseAttempt(staffMember, own, { input, nowMs: NOW })).toEqual({
      _id: 'self_purchase_store-1_R1',
      action: 'selfPurchaseRefused',
      operatorOpenid: 'o-staff',
      operatorName: '小林',
      operatorRole: 'staff',
      storeId: 'store-1',
      subjectId: 'purchase_store-1_R1',
      memberId: 'm-own',
      amountFen: 8800,
      note: '小票 R1',
      createdAtMs: NOW,
    })
  })

  it('refuses it for a manager too: points for oneself need a second person', () => {
    const own = memberNamed('m-manager', { openid: manager.openid })
    expect(selfPurchaseAttempt(manager, own, { input, nowMs: NOW })).toMatchObject({ operatorRole: 'manager' })
  })

  it('lets a purchase for anyone else through', () => {
    expect(selfPurchaseAttempt(staffMember, memberNamed('m-customer'), { input, nowMs: NOW })).toBeNull()
  })
})

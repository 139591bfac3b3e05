import type { AuditEntryView, MemberDetail, MemberSummary } from '@shared/contracts'
import { couponOf } from './mallFixtures'

/** A member number as the functions write them. */
export const MEMBER_ID = 'm0123456789abcdef01234567'

/** 2026-05-01 10:00 China Standard Time. */
const JOINED_MS = Date.UTC(2026, 4, 1, 2, 0)

/** A member as the 会员 search lists them: by default a silver member with 320 points, phone masked. */
export function memberSummaryOf(fields: Partial<MemberSummary> = {}): MemberSummary {
  return {
    memberId: MEMBER_ID,
    nickname: '小美',
    avatarUrl: null,
    phoneNumber: '138****1234',
    tier: { id: 'silver', name: '银卡' },
    growth: 1200,
    usablePoints: 320,
    joinedAtMs: JOINED_MS,
    joinedStoreId: 'store-1',
    ...fields,
  }
}

const ADJUSTMENT: AuditEntryView = {
  id: 'admin_req-1',
  action: 'adjustPoints',
  operatorOpenid: 'o-manager',
  operatorName: '王店长',
  operatorRole: 'manager',
  storeId: 'store-1',
  memberId: MEMBER_ID,
  amountFen: null,
  points: 20,
  balanceBefore: 300,
  balanceAfter: 320,
  subjectId: MEMBER_ID,
  note: '补录积分',
  reversed: false,
  createdAtMs: JOINED_MS + 3_600_000,
}

/** What `admin.memberDetail` answers a manager: by default two lots, a history, a coupon, an order. */
export function memberDetailOf(fields: Partial<MemberDetail> = {}): MemberDetail {
  const member = memberSummaryOf(fields.member === undefined ? {} : fields.member)
  return {
    earnedTier: { id: 'silver', name: '银卡' },
    grantedTier: null,
    birthday: '05-20',
    balance: member.usablePoints,
    expiredPoints: 15,
    lots: [
      { expiresAtMs: Date.UTC(2026, 11, 31, 16, 0), amount: 200 },
      { expiresAtMs: null, amount: 120 },
    ],
    ledger: [
      {
        id: 'adjust_req-1',
        type: 'adjust',
        amount: 20,
        title: '积分调整',
        reason: '补录积分',
        operatorId: 'o-manager',
        createdAtMs: JOINED_MS + 3_600_000,
      },
      {
        id: 'earn_1',
        type: 'earn',
        amount: 300,
        title: '消费得积分',
        reason: null,
        operatorId: null,
        createdAtMs: JOINED_MS,
      },
    ],
    ledgerNextCursor: null,
    coupons: [couponOf()],
    orders: [
      { id: 'order-1', title: '拿铁随行杯', pointsSpent: 500, status: 'awaitingPickup', createdAtMs: JOINED_MS },
    ],
    staffActions: [ADJUSTMENT],
    limits: {
      adjustmentPointsMax: 500,
      tierGrantDaysMax: 30,
      grantableTiers: [{ id: 'gold', name: '金卡' }],
      today: '2026-05-02',
    },
    ...fields,
    member,
  }
}

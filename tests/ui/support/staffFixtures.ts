import type {
  ApprovalView,
  AuditEntryView,
  CounterMember,
  PurchasePreview,
  RecordPurchaseResult,
  StaffMe,
  TodayActivity,
  UsageRefusal,
  VerifyCouponResult,
} from '@shared/contracts'

/** Demo times: 2026-05-01 10:00 China Standard Time and a few minutes later. */
export const MORNING_MS = Date.UTC(2026, 4, 1, 2, 0)

/** A cashier of store 1. */
export const CASHIER: StaffMe = { role: 'staff', storeId: 'store-1', storeName: '1 号店', name: '小林' }
/** Store 1's manager. */
export const MANAGER: StaffMe = { role: 'manager', storeId: 'store-1', storeName: '1 号店', name: '王店长' }

/** A member code as the member card shows it. */
export const MEMBER_TOKEN = 'M1.m_a1.t5x9q0.t5x9r0.aZ3-_x9Q.Yk2aaaaaaaaaaaaaaaaaaa'
/** A coupon code as the coupon detail shows it. */
export const COUPON_TOKEN = 'C1.c_77.t5x9q0.t5x9r0.bZ3-_x9Q.Zk2aaaaaaaaaaaaaaaaaaa'

/** The counter session a resolved member code answers, as the panel passes it back. */
export const COUNTER_SESSION = 'S1.m_a1.t5x9q0.t5xa10.cZ3-_x9Q.Sk2aaaaaaaaaaaaaaaaaaa'

/** A silver member at the counter, with one usable coupon. */
export function counterMemberOf(overrides: Partial<CounterMember> = {}): CounterMember {
  return {
    memberId: 'm_a1',
    session: { token: COUNTER_SESSION, expiresAtMs: MORNING_MS + 300_000 },
    nickname: '小满',
    avatarUrl: null,
    tier: { id: 'silver', name: '银卡会员' },
    balance: 1280,
    coupons: [
      {
        id: 'c_77',
        title: '满 30 减 5 元',
        benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
        validFromMs: MORNING_MS - 86_400_000,
        validUntilMs: MORNING_MS + 30 * 86_400_000,
      },
    ],
    ...overrides,
  }
}

/** What 88.00 yuan gives a silver member: 88 base points plus the tier's 1.2×. */
export function previewOf(amountFen: number, overrides: Partial<PurchasePreview> = {}): PurchasePreview {
  const base = Math.floor(amountFen / 100)
  const tier = Math.floor(base * 1.2) - base
  return {
    memberId: 'm_a1',
    amountFen,
    points: base + tier,
    growth: base,
    lines: [
      { kind: 'base', points: base },
      { kind: 'tier', tierId: 'silver', multiplierPercent: 120, points: tier },
    ],
    needsManagerApproval: false,
    ...overrides,
  }
}

/** The answer to recording 88.00 yuan for the member. */
export function recordedOf(overrides: Partial<RecordPurchaseResult> = {}): RecordPurchaseResult {
  return {
    replayed: false,
    purchaseEntryId: 'purchase_1',
    memberId: 'm_a1',
    storeId: 'store-1',
    amountFen: 8800,
    receiptNo: null,
    points: 105,
    growth: 88,
    lines: [
      { kind: 'base', points: 88 },
      { kind: 'tier', tierId: 'silver', multiplierPercent: 120, points: 17 },
    ],
    balanceBefore: 1280,
    balanceAfter: 1385,
    upgradedTo: null,
    upgradeGiftPoints: 0,
    referralReward: null,
    recordedAtMs: MORNING_MS,
    ...overrides,
  }
}

/** The answer to verifying the member's coupon. */
export function verifiedCouponOf(overrides: Partial<VerifyCouponResult> = {}): VerifyCouponResult {
  return {
    couponId: 'c_77',
    memberId: 'm_a1',
    title: '满 30 减 5 元',
    benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
    usedAtMs: MORNING_MS,
    storeId: 'store-1',
    ...overrides,
  }
}

/** The refusal of a second verification: 小林 used it at 1 号店 at 10:00. */
export const COUPON_USED_REFUSAL: UsageRefusal = {
  ok: false,
  code: 'COUPON_USED',
  message: '该券已于 2026-05-01 10:00 由 小林 在 1 号店核销',
  details: {
    byOpenid: 'o-demo-staff-store-1',
    byName: '小林',
    storeId: 'store-1',
    storeName: '1 号店',
    atMs: MORNING_MS,
  },
}

/** One audit entry: by default 小林's purchase of 88.00 yuan. */
export function auditEntryOf(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: 'audit_1',
    action: 'purchase',
    operatorOpenid: 'o-demo-staff-store-1',
    operatorName: '小林',
    operatorRole: 'staff',
    storeId: 'store-1',
    memberId: 'm_a1',
    amountFen: 8800,
    points: 105,
    balanceBefore: 1280,
    balanceAfter: 1385,
    subjectId: 'purchase_1',
    note: null,
    reversed: false,
    createdAtMs: MORNING_MS,
    ...overrides,
  }
}

/** Today's activity with the given entries. */
export function todayOf(entries: readonly AuditEntryView[], scope: 'mine' | 'store' = 'mine'): TodayActivity {
  const purchaseTotalFen = entries
    .filter((entry) => entry.action === 'purchase' && !entry.reversed)
    .reduce((total, entry) => total + (entry.amountFen ?? 0), 0)
  return { businessDay: '2026-05-01', scope, storeId: 'store-1', entries, purchaseTotalFen }
}

/** A pending approval: by default 小林's ¥6000.00 purchase for member m_a1 (阿满), requested at MORNING_MS, for a day. */
export function approvalViewOf(overrides: Partial<ApprovalView> = {}): ApprovalView {
  return {
    approvalId: 'o-demo-staff-store-1_req-1',
    storeId: 'store-1',
    clerkName: '小林',
    memberId: 'm_a1',
    memberNickname: '阿满',
    amountFen: 600_000,
    receiptNo: 'A-9',
    status: 'pending',
    requestedAtMs: MORNING_MS,
    expiresAtMs: MORNING_MS + 86_400_000,
    ...overrides,
  }
}

import { EMPTY_WALLET, spendPoints, usableBalance } from '@shared/ledger'
import type { Member } from '@shared/member'
import type { StaffMember } from '@shared/staff'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

export const programme = DEMO_PROGRAMME
/** Noon in Shanghai on Monday 23 November 2026 (no double-points campaign). */
export const NOW = Date.UTC(2026, 10, 23, 4)
export const DAY = '2026-11-23'

export const staffMember: StaffMember = {
  _id: 'o-staff',
  openid: 'o-staff',
  role: 'staff',
  storeId: 'store-1',
  name: '小林',
  boundAtMs: 0,
}
export const manager: StaffMember = { ...staffMember, _id: 'o-manager', openid: 'o-manager', role: 'manager' }

/** A regular member with no points, no growth and no purchase yet. */
export function memberNamed(id: string, changes: Partial<Member> = {}): Member {
  return {
    _id: id,
    openid: `o-${id}`,
    joinedAtMs: NOW - 86_400_000,
    joinedStoreId: null,
    referrerMemberId: null,
    profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
    profileCompletionRewarded: false,
    tierId: 'regular',
    growth: 0,
    periodAnchorDay: '2026-11-01',
    points: EMPTY_WALLET,
    checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
    firstPurchaseAtMs: null,
    ...changes,
  }
}

/** The member after spending `amount` of their usable points (at most all of them). */
export function afterSpending(member: Member, amount: number, nowMs: number): Member {
  const spendable = Math.min(amount, usableBalance(member.points, nowMs))
  if (spendable === 0) return member
  const spent = spendPoints(member.points, { amount: spendable, nowMs })
  if (!spent.ok) throw new Error(spent.code)
  return { ...member, points: spent.data.wallet }
}

/** A purchase input for `memberId`, keyed by its receipt number. */
export function purchaseOf(memberId: string, amountFen: number, receiptNo = 'R-1') {
  return { key: `purchase_store-1_${receiptNo}`, memberId, amountFen, receiptNo, requestId: `request-${receiptNo}` }
}

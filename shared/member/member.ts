import type { PointsWallet } from '../ledger'
import type { DayKey } from '../time/calendarDay'

/** The check-in state kept on the member, so the calendar and a check-in need no other read. */
export interface MemberCheckIn {
  readonly lastDay: DayKey | null
  /** Consecutive checked days ending at lastDay. */
  readonly runLength: number
  /** Checked days of the current and previous month, for the calendar and makeup checks. */
  readonly recentDays: readonly DayKey[]
  /** Makeups used per month (`YYYY-MM` → count). */
  readonly makeupsByMonth: Readonly<Record<string, number>>
}

/**
 * A member as stored (`members/{memberId}`): everything that must change together lives in this one document (points
 * wallet, growth, tier, check-in state), so a transaction touching one member touches one document.
 */
export interface Member {
  readonly _id: string
  readonly openid: string
  readonly joinedAtMs: number
  readonly joinedStoreId: string | null
  readonly referrerMemberId: string | null
  readonly profile: {
    readonly nickname: string | null
    readonly avatarUrl: string | null
    /** `MM-DD`. */
    readonly birthday: string | null
    readonly phoneNumber: string | null
  }
  readonly profileCompletionRewarded: boolean
  readonly tierId: string
  readonly growth: number
  /** Rolling qualification periods repeat from this day (the join day). */
  readonly periodAnchorDay: DayKey
  readonly points: PointsWallet
  readonly checkIn: MemberCheckIn
  readonly firstPurchaseAtMs: number | null
}

/** A ledger entry as stored (`ledger/{idempotencyKey}`): one points change; the unique `_id` makes a replay fail instead of paying twice. */
export interface LedgerEntry {
  readonly _id: string
  readonly memberId: string
  readonly type: 'earn' | 'spend' | 'expire' | 'reverse' | 'adjust'
  readonly amount: number
  readonly balanceAfter: number
  readonly lotChanges: readonly { readonly expiresAtMs: number | null; readonly delta: number }[]
  readonly shortfall: number
  readonly source: string
  readonly operatorId: string | null
  readonly idempotencyKey: string
  readonly reason: string | null
  readonly createdAtMs: number
}

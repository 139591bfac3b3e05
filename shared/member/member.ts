import type { EarningLine } from '../earning/purchaseEarning'
import type { PointsWallet } from '../ledger'
import type { DayKey } from '../time/calendarDay'
import type { PurchaseSummary } from './purchaseSummary'

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
 * Growth earned within the member's current qualification period, kept by `applyGrowth`, so the
 * period-end review (`evaluateTiers`) knows whether the member retained their tier.
 */
export interface MemberQualification {
  /** The first day of the period counted; it ends at the member's `tierReviewAtMs`. */
  readonly periodStartDay: DayKey
  /** Growth earned within the period. */
  readonly growth: number
  /**
   * Counting began after the period did (a member written before growth was counted per period):
   * the growth may be short, so the review keeps the tier rather than downgrade on missing data.
   */
  readonly partial: boolean
  /** Growth earned after the period ended and before the review: it counts toward the next period. */
  readonly earnedSinceEnd: number
}

/** A tier an admin granted by hand: the period-end review never changes it nor drops the member below it while valid. */
export interface GrantedTier {
  readonly tierId: string
  /** Valid until this instant (exclusive). */
  readonly untilMs: number
  /** The admin's member or staff id. */
  readonly grantedBy: string
  readonly reason: string
  /** The last day it holds, as the granting staff member picked it (absent on grants written before `admin.grantTier`). */
  readonly endsOn?: DayKey
  /** The staff member's name when granted, for the member detail. */
  readonly grantedByName?: string
  readonly grantedAtMs?: number
}

/** The latest tier change the member has not seen yet, for the card (`tier_history/{historyId}`). */
export interface TierNotice {
  readonly historyId: string
  readonly fromTierId: string
  readonly toTierId: string
  readonly atMs: number
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
  /** Absent on members written before growth was counted per period (see `MemberQualification`). */
  readonly qualification?: MemberQualification
  /**
   * When the tier is next reviewed: the end of the period `qualification` counts (indexed, so the
   * review job asks for due members only). Absent where `qualification` is.
   */
  readonly tierReviewAtMs?: number
  /** Absent means null: no tier granted by hand. */
  readonly grantedTier?: GrantedTier | null
  /** Absent means null. */
  readonly tierNotice?: TierNotice | null
  /** The last year the birthday gift was paid (absent: never), so the birthday job asks for unpaid members only. */
  readonly birthdayGiftYear?: number
  /**
   * The last visit: a check-in or a purchase at the counter (indexed, for the win-back job). Absent on
   * members written before visits were recorded; see `lastVisitOf`.
   */
  readonly lastVisitAtMs?: number
  /** Whether the current dormancy spell's win-back coupon was given (a visit starts a new spell). */
  readonly winBackSent?: boolean
  /**
   * Purchases recorded, less reversals (see `PurchaseSummary`). Absent: no purchase recorded since the
   * summary was kept; read it through `purchaseSummaryOf`.
   */
  readonly purchases?: PurchaseSummary
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
  /**
   * A purchase's points line by line (base, tier, each campaign by name, cap), so the member's
   * history can say why it earned what it did. Absent on every other entry and on purchases
   * recorded before it was kept.
   */
  readonly earningLines?: readonly EarningLine[]
}

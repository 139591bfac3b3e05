/**
 * Every collection the functions use, with the type of its documents: the one place collection
 * names are written. `database().collection(name)` only takes these names and answers these types,
 * so a misspelt collection or a field read from the wrong document fails the typecheck.
 */
import type { Approval } from '@shared/approvals/approval'
import type { JobRun } from '@shared/jobs'
import type { LedgerEntry, Member, TierHistoryEntry } from '@shared/member'
import type { DailyStats } from '@shared/stats/dailyStats'
import type { MemberSnapshot } from '@shared/stats/memberSnapshot'
import type { StatEvent } from '@shared/stats/statEvent'
import type { CouponDocument } from '../couponDocument'
import type { CouponTemplateDocument } from '../couponTemplates'
import type { MemberBarcodeDocument } from '../memberBarcodes'
import type { ClaimCounterDocument } from './couponClaims'
import type { ExportDocument } from './exports'
import type { GiftCouponDueDocument } from './giftCoupons'
import type { MallItemDocument, OrderDocument, RedemptionCounterDocument } from './mall'
import type { ReminderDocument, SubscriptionDocument } from './messages'
import type { ProgrammeDocument, ProgrammeVersionDocument } from './programme'
import type { AuditDocument, InviteDocument, StaffDocument, StoreDocument } from './staff'
import type { RfmSettingsDocument, SnapshotPartDocument } from './stats'
import type { UploadDocument } from './uploads'

/** A document type with the `_id` the database keys it by (counters are keyed by a derived id). */
export type Stored<T> = T extends { readonly _id: string } ? T : T & { readonly _id: string }

export interface Collections {
  readonly members: Member
  readonly member_barcodes: MemberBarcodeDocument
  readonly ledger: LedgerEntry
  readonly programme: ProgrammeDocument
  readonly programme_versions: ProgrammeVersionDocument
  readonly stores: StoreDocument
  readonly staff: StaffDocument
  readonly invites: InviteDocument
  readonly audit: AuditDocument
  readonly approvals: Approval
  readonly mall_items: MallItemDocument
  readonly orders: OrderDocument
  readonly redemptions: Stored<RedemptionCounterDocument>
  readonly coupon_templates: CouponTemplateDocument
  readonly coupons: CouponDocument
  readonly coupon_claims: Stored<ClaimCounterDocument>
  readonly gift_coupons_due: GiftCouponDueDocument
  readonly job_runs: JobRun
  readonly tier_history: TierHistoryEntry
  readonly subscriptions: SubscriptionDocument
  readonly reminders: ReminderDocument
  readonly stat_events: StatEvent
  readonly stats_daily: DailyStats
  readonly stats_snapshots: MemberSnapshot
  readonly stats_snapshot_parts: SnapshotPartDocument
  readonly stats_settings: RfmSettingsDocument
  readonly uploads: UploadDocument
  readonly exports: ExportDocument
}

export type CollectionName = keyof Collections
export type DocumentOf<Name extends CollectionName> = Collections[Name]

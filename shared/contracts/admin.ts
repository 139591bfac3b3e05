/**
 * The `admin` cloud function (brand admins; managers read): the points-mall catalogue for now. Every
 * write is idempotent per client `requestId` and audited with before/after of the fields it changed.
 */
import { z } from 'zod'
import { type FieldChanges, MEMBER_ID_PATTERN, type MemberQuery } from '../admin'
import type { LedgerEntryType } from '../ledger'
import { MALL_ITEM_ID_PATTERN, MALL_ITEM_STOCK_MAX, type MallItem, mallItemEditableSchema } from '../mall/item'
import { ADJUSTMENT_POINTS_MAX } from '../programme/schema'
import { isDayKey } from '../time/calendarDay'
import type { MemberActionLimits, MemberOrderLine, MemberTierGrant } from './adminMembers'
import type { WalletCoupon } from './coupon'
import { birthdaySchema } from './member'
import { requestIdSchema } from './requestId'
import { AUDIT_ACTIONS, type AuditAction, type AuditEntryView } from './staff'

/** Items the catalogue screen lists at most (one read). */
export const ADMIN_ITEMS_MAX = 1000

const itemId = z.string().regex(MALL_ITEM_ID_PATTERN, '商品 id 格式不正确')
const memberId = z.string().regex(MEMBER_ID_PATTERN, '会员编号格式不正确')

export const listItemsInput = z.object({}).strict()

/**
 * `saveItem`: the editable fields of an item (see `mallItemEditableSchema`); a new id creates it,
 * on sale, with `initialStock` units (ignored on an edit: stock moves only by `adjustStock`).
 */
export const saveItemInput = z
  .object({
    requestId: requestIdSchema,
    item: mallItemEditableSchema,
    initialStock: z.number().int('库存必须是整数').min(0, '库存不能为负数').max(MALL_ITEM_STOCK_MAX).default(0),
  })
  .strict()

export const itemStatusInput = z.object({ requestId: requestIdSchema, itemId }).strict()

export const adjustStockInput = z
  .object({
    requestId: requestIdSchema,
    itemId,
    /** Units to add (a top-up) or take away (a correction); never 0. */
    delta: z
      .number()
      .int('调整数量必须是整数')
      .min(-MALL_ITEM_STOCK_MAX)
      .max(MALL_ITEM_STOCK_MAX)
      .refine((delta) => delta !== 0, '调整数量不能为 0'),
  })
  .strict()

/**
 * `adjustPoints`: points added to (amount > 0) or taken from (amount < 0) a member by hand, with the
 * reason the member's history and the audit log show. The role's limit is the programme's.
 */
export const adjustPointsInput = z
  .object({
    requestId: requestIdSchema,
    memberId,
    amount: z
      .number()
      .int('调整积分必须是整数')
      .min(-ADJUSTMENT_POINTS_MAX, `单次调整不能超过 ${ADJUSTMENT_POINTS_MAX} 积分`)
      .max(ADJUSTMENT_POINTS_MAX, `单次调整不能超过 ${ADJUSTMENT_POINTS_MAX} 积分`)
      .refine((amount) => amount !== 0, '调整积分不能为 0'),
    reason: z.string().trim().min(1, '请填写调整原因').max(100, '调整原因不能超过 100 个字'),
  })
  .strict()

/**
 * `correctBirthday`: staff set a member's birthday (members set it once themselves: a birthday they
 * could edit would pay its gift again). `birthday` null clears it.
 */
export const correctBirthdayInput = z
  .object({
    requestId: requestIdSchema,
    memberId,
    birthday: birthdaySchema.nullable(),
    reason: z.string().trim().min(1, '请填写更正原因').max(100, '更正原因不能超过 100 个字'),
  })
  .strict()

/** `admin.correctBirthday`: the birthday before and after; a replay answers the first. */
export interface CorrectBirthdayResult {
  readonly memberId: string
  readonly before: string | null
  readonly after: string | null
  readonly replayed: boolean
}

/** `admin.adjustPoints`: the member's usable points after the adjustment; a replay answers the first. */
export interface AdjustPointsResult {
  readonly memberId: string
  readonly amount: number
  readonly usableBefore: number
  readonly usableAfter: number
  readonly replayed: boolean
}

/** Members one search answers at most. */
export const MEMBER_SEARCH_SIZE_MAX = 20
/** Ledger entries, coupons and staff actions the member detail shows, each the newest; also a ledger page. */
export const MEMBER_DETAIL_LIST_SIZE = 20

export const searchMembersInput = z
  .object({ query: z.string().trim().min(1, '请输入手机号、会员编号或昵称').max(30, '搜索内容不能超过 30 个字') })
  .strict()
export const memberDetailInput = z.object({ memberId }).strict()
/** `memberLedger`: the member's points history after the detail's first page, MEMBER_DETAIL_LIST_SIZE at a time. */
export const memberLedgerInput = z
  .object({
    memberId,
    /** The `ledgerNextCursor` of the detail, or the `nextCursor` of the previous page; absent for the first page. */
    cursor: z.string().max(80).optional(),
  })
  .strict()

/** A member as the search lists them. Phone numbers are masked unless the caller is an admin. */
export interface MemberSummary {
  readonly memberId: string
  readonly nickname: string | null
  readonly avatarUrl: string | null
  readonly phoneNumber: string | null
  readonly tier: { readonly id: string; readonly name: string }
  readonly growth: number
  readonly usablePoints: number
  readonly joinedAtMs: number
  readonly joinedStoreId: string | null
}

/** `admin.searchMembers`: what the query was read as, and the members it found (at most MEMBER_SEARCH_SIZE_MAX). */
export interface MemberSearchResult {
  readonly matchedBy: MemberQuery['kind']
  readonly members: readonly MemberSummary[]
}

/** A line of the member's points history as staff read it: with who made it and why. */
export interface MemberLedgerLine {
  readonly id: string
  readonly type: LedgerEntryType
  readonly amount: number
  readonly title: string
  readonly reason: string | null
  readonly operatorId: string | null
  readonly createdAtMs: number
}

/** `admin.memberLedger`: a page of the member's points history, newest first. */
export interface MemberLedgerPage {
  readonly entries: readonly MemberLedgerLine[]
  readonly nextCursor: string | null
}

/** `admin.memberDetail`: the card figures, the lots and when they expire, and the newest history, coupons and staff actions. */
export interface MemberDetail {
  /** `tier` is the tier held now: the earned one or a grant above it (see `earnedTier`, `grantedTier`). */
  readonly member: MemberSummary
  readonly earnedTier: { readonly id: string; readonly name: string }
  /** The grant on the member (also one that has ended, marked inactive); null when none. */
  readonly grantedTier: MemberTierGrant | null
  readonly birthday: string | null
  readonly balance: number
  readonly expiredPoints: number
  /** The wallet's lots, earliest expiry first (never-expiring last). */
  readonly lots: readonly { readonly expiresAtMs: number | null; readonly amount: number }[]
  readonly ledger: readonly MemberLedgerLine[]
  /** Where `admin.memberLedger` goes on from; null when `ledger` is the whole history. */
  readonly ledgerNextCursor: string | null
  readonly coupons: readonly WalletCoupon[]
  readonly orders: readonly MemberOrderLine[]
  readonly staffActions: readonly AuditEntryView[]
  readonly limits: MemberActionLimits
}

/** Audit entries one page of the log shows at most. */
export const AUDIT_LOG_PAGE_SIZE_MAX = 50

/**
 * `auditLog`: newest first, filtered by store, staff member, action and business day (each
 * optional), a page at a time. A manager sees their own store's entries only.
 */
export const auditLogInput = z
  .object({
    storeId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, '门店编号格式不正确')
      .optional(),
    operatorOpenid: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '员工编号格式不正确')
      .optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    day: z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD').optional(),
    /** The `nextCursor` of the previous page; absent for the first page. */
    cursor: z.string().max(80).optional(),
    pageSize: z.number().int().min(1).max(AUDIT_LOG_PAGE_SIZE_MAX).default(20),
  })
  .strict()

/** An entry of the audit log screen: the today list's view and what the action changed, before and after. */
export type AuditLogEntry = AuditEntryView & { readonly changes: FieldChanges }

/** Actions whose `subjectId` is a staff member's OPENID: their names come in `AuditLogNames.staff`. */
export const STAFF_SUBJECT_ACTIONS: readonly AuditAction[] = ['changeStaffRole', 'unbind']
/** Actions whose `subjectId` is a store's id: their names come in `AuditLogNames.stores`. */
export const STORE_SUBJECT_ACTIONS: readonly AuditAction[] = ['saveStore']

/**
 * What the ids on a page of the log name, as they read now, so that the screen shows names: each
 * map by id, without the ids that name nothing (any more). Read with own-property lookups only
 * (an id may read `constructor`).
 */
export interface AuditLogNames {
  /** Store names: of the entries' stores, of stores edited, and of stores a role change moved between. */
  readonly stores: Readonly<Record<string, string>>
  /** Staff names by OPENID, of the subjects of `STAFF_SUBJECT_ACTIONS` (role changes, unbinds). */
  readonly staff: Readonly<Record<string, string>>
  /** Member nicknames by member id (members without one are absent: the member id is all there is). */
  readonly members: Readonly<Record<string, string>>
}

/** `admin.auditLog`. */
export interface AuditLogPage {
  readonly entries: readonly AuditLogEntry[]
  readonly nextCursor: string | null
  /** Names for the ids of this page's entries (a page's names only: pages merge theirs). */
  readonly names: AuditLogNames
}

/** An item as the catalogue screen shows it: every field, with the units redemptions still hold. */
export type AdminItemView = MallItem & { readonly held: number }

/** `admin.listItems`: every item, retired ones too, by id. */
export interface AdminItems {
  readonly items: readonly AdminItemView[]
}

/** What an admin write answers: the item after it, what it changed (empty for a replay of a no-op). */
export interface AdminItemResult {
  readonly item: AdminItemView
  readonly changes: FieldChanges
  /** Whether the write created the item (saveItem only). */
  readonly created: boolean
}

/** `admin.adjustStock`. */
export interface AdjustStockResult {
  readonly itemId: string
  readonly delta: number
  readonly stockAfter: number
}

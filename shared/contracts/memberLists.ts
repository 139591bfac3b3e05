/**
 * `admin.memberList`: a page of one of the lists a manager hands to 发券 (dormant members, birthdays
 * this month, members close to the next tier, members with points expiring soon), for one store.
 */
import { z } from 'zod'
import { DORMANT_DAYS_MAX, EXPIRING_DAYS_MAX, type MemberListKind, NEAR_TIER_GROWTH_MAX } from '../admin/memberLists'
import { MEMBER_ID_PATTERN } from '../admin/memberQuery'
import { COUPON_ISSUE_MEMBERS_MAX } from '../programme/schema'
import type { MemberSummary } from './admin'

/** A page holds as many members as one 发券 takes, so a page is handed over whole. */
export const MEMBER_LIST_PAGE_SIZE = COUPON_ISSUE_MEMBERS_MAX

const paging = {
  /** One store's members; absent: the manager's own store, or (admins) the whole chain. */
  storeId: z.string().min(1).max(64).optional(),
  /** The last member id of the page before. */
  after: z.string().regex(MEMBER_ID_PATTERN, '会员编号格式不正确').optional(),
}
const whole = (label: string, max: number) =>
  z.number().int(`${label}必须是整数`).min(1, `${label}至少为 1`).max(max, `${label}最多为 ${max}`)

export const memberListInput = z.discriminatedUnion('list', [
  z.object({ list: z.literal('dormant'), days: whole('未到店天数', DORMANT_DAYS_MAX), ...paging }).strict(),
  z.object({ list: z.literal('birthdays'), ...paging }).strict(),
  z.object({ list: z.literal('nearTier'), growthShort: whole('相差成长值', NEAR_TIER_GROWTH_MAX), ...paging }).strict(),
  z.object({ list: z.literal('expiringPoints'), days: whole('到期天数', EXPIRING_DAYS_MAX), ...paging }).strict(),
])

/** Why a member is on the list. */
export type MemberListReason =
  | { readonly list: 'dormant'; readonly lastVisitAtMs: number }
  | { readonly list: 'birthdays'; readonly birthday: string }
  | { readonly list: 'nearTier'; readonly growthShort: number; readonly nextTier: string }
  | { readonly list: 'expiringPoints'; readonly points: number; readonly firstExpiresAtMs: number }

export interface MemberListRow {
  readonly member: MemberSummary
  readonly reason: MemberListReason
}

export interface MemberListPage {
  readonly list: MemberListKind
  /** The store the list is of; null: the whole chain. */
  readonly storeId: string | null
  /** By member id. */
  readonly rows: readonly MemberListRow[]
  /** Where the next page starts (`after`); null on the last page. */
  readonly nextAfter: string | null
}

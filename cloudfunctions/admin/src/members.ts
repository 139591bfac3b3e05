import { type MemberQuery, memberQueryOf, prefixRangeEnd } from '@shared/admin'
import {
  API,
  MEMBER_DETAIL_LIST_SIZE,
  MEMBER_SEARCH_SIZE_MAX,
  type MemberActionLimits,
  type MemberDetail,
  type MemberLedgerLine,
  type MemberLedgerPage,
  type MemberOrderLine,
  type MemberSummary,
  type MemberTierGrant,
} from '@shared/contracts'
import { expiredBalance, ledgerEntryTitle, usableBalance } from '@shared/ledger'
import {
  adjustmentLimitOf,
  heldTierIdOf,
  type LedgerEntry,
  type Member,
  maskPhoneNumber,
  mayTouchTier,
  tierGrantDaysMaxOf,
  validGrantOf,
} from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { err, ok } from '@shared/result'
import type { StaffRole } from '@shared/staff'
import { localDayOf } from '@shared/time/zonedTime'
import { auditViewOf } from '../../common/auditView'
import { type Database, database } from '../../common/cloud'
import { walletCouponOf } from '../../common/couponDocument'
import type { OrderDocument } from '../../common/documents/mall'
import { afterPageEnd, decodeCursor, newestFirstPage, type PageEnd } from '../../common/newestFirstCursor'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'

/** A member as staff see them: phone numbers in full for admins only (managers recognise, not copy, them). */
export function summaryOf(member: Member, programme: Programme, viewer: StaffRole, nowMs: number): MemberSummary {
  const phoneNumber = member.profile.phoneNumber
  return {
    memberId: member._id,
    nickname: member.profile.nickname,
    avatarUrl: member.profile.avatarUrl,
    phoneNumber: phoneNumber === null || viewer === 'admin' ? phoneNumber : maskPhoneNumber(phoneNumber),
    tier: tierNameOf(programme, heldTierIdOf(member, programme.tiers, nowMs)),
    growth: member.growth,
    usablePoints: usableBalance(member.points, nowMs),
    joinedAtMs: member.joinedAtMs,
    joinedStoreId: member.joinedStoreId,
  }
}

/** A tier's id and name as the programme names it now (the id where the programme no longer has it). */
function tierNameOf(programme: Programme, tierId: string): { id: string; name: string } {
  return { id: tierId, name: programme.tiers.find((tier) => tier.id === tierId)?.name ?? tierId }
}

/** The member's grant as staff read it, also after it ended; null when none. */
function grantViewOf(member: Member, programme: Programme, nowMs: number): MemberTierGrant | null {
  const grant = member.grantedTier
  if (!grant) return null
  return {
    tier: tierNameOf(programme, grant.tierId),
    endsOn: grant.endsOn ?? null,
    untilMs: grant.untilMs,
    active: validGrantOf(grant, programme.tiers, nowMs) !== null,
    grantedBy: grant.grantedBy,
    grantedByName: grant.grantedByName ?? null,
    reason: grant.reason,
  }
}

/** What the caller's role may do to a member, for the detail page's forms. */
function limitsOf(programme: Programme, role: StaffRole, nowMs: number): MemberActionLimits {
  return {
    adjustmentPointsMax: adjustmentLimitOf(programme, role),
    tierGrantDaysMax: tierGrantDaysMaxOf(programme, role),
    grantableTiers: programme.tiers
      .filter((tier) => mayTouchTier(programme, role, tier.id))
      .map((tier) => ({ id: tier.id, name: tier.name })),
    today: localDayOf(nowMs, programme.timeZone),
  }
}

function orderLineOf(order: OrderDocument): MemberOrderLine {
  const { _id: id, title, pointsSpent, status, createdAtMs } = order
  return { id, title, pointsSpent, status, createdAtMs }
}

/** The members a query names: one indexed lookup (phone and nickname each have an index; ids are keys). */
async function membersMatching(db: Database, query: MemberQuery): Promise<readonly Member[]> {
  const members = db.collection('members')
  if (query.kind === 'memberId') {
    const member = await readDocument(members.doc(query.memberId))
    return member ? [member] : []
  }
  const _ = db.command
  const condition =
    query.kind === 'phone'
      ? { 'profile.phoneNumber': query.phoneNumber }
      : { 'profile.nickname': _.gte(query.prefix).and(_.lt(prefixRangeEnd(query.prefix))) }
  const { data } = await members.where(condition).limit(MEMBER_SEARCH_SIZE_MAX).get()
  return data
}

/**
 * `admin.searchMembers`: by mobile number, member id or the start of a nickname (see
 * `memberQueryOf`), for managers and admins (members are chain-wide). Requests with the programme
 * cached: staff and the lookup, at once (2).
 */
export const searchMembers = defineAction(API.admin.searchMembers, async (input, caller) => {
  const db = database()
  const query = memberQueryOf(input.query)
  const [staff, programme, members] = await Promise.all([
    requireManager(db, caller),
    currentProgramme(db, caller.nowMs),
    membersMatching(db, query),
  ])
  if (!staff.ok) return staff
  return ok({
    matchedBy: query.kind,
    members: members.map((member) => summaryOf(member, programme, staff.data.role, caller.nowMs)),
  })
})

function ledgerLineOf(entry: LedgerEntry): MemberLedgerLine {
  const { _id: id, type, amount, reason, operatorId, createdAtMs } = entry
  return { id, type, amount, title: ledgerEntryTitle(entry), reason, operatorId, createdAtMs }
}

/** The newest `MEMBER_DETAIL_LIST_SIZE` documents of a member in a collection, by an indexed time field. */
function newestOf<Name extends 'coupons' | 'audit' | 'orders'>(
  db: Database,
  name: Name,
  memberId: string,
  timeField: string,
) {
  return db.collection(name).where({ memberId }).orderBy(timeField, 'desc').limit(MEMBER_DETAIL_LIST_SIZE).get()
}

/**
 * A page of the member's ledger after `after` (from the newest when null), ordered as the cursor
 * needs it: by time, then id, so that entries of the same millisecond never skip or repeat.
 */
async function ledgerPageOf(db: Database, memberId: string, after: PageEnd | null): Promise<MemberLedgerPage> {
  const { data } = await db
    .collection('ledger')
    .where(afterPageEnd(db, { memberId }, after))
    .orderBy('createdAtMs', 'desc')
    .orderBy('_id', 'desc')
    .limit(MEMBER_DETAIL_LIST_SIZE + 1)
    .get()
  const page = newestFirstPage(data as LedgerEntry[], MEMBER_DETAIL_LIST_SIZE)
  return { entries: page.documents.map(ledgerLineOf), nextCursor: page.nextCursor }
}

/**
 * `admin.memberDetail`: the card figures (the tier held now, the earned one and any grant), every
 * lot and when it expires, and the newest ledger entries, coupons, pickup orders and staff actions
 * on the member (`admin.memberLedger` pages on through the ledger). Requests with the programme
 * cached: staff, member, ledger, coupons, orders and audit entries, all at once (6).
 */
export const memberDetail = defineAction(API.admin.memberDetail, async (input, caller) => {
  const db = database()
  const [staff, programme, member, ledger, coupons, orders, audit] = await Promise.all([
    requireManager(db, caller),
    currentProgramme(db, caller.nowMs),
    readDocument(db.collection('members').doc(input.memberId)),
    ledgerPageOf(db, input.memberId, null),
    newestOf(db, 'coupons', input.memberId, 'issuedAtMs'),
    newestOf(db, 'orders', input.memberId, 'createdAtMs'),
    newestOf(db, 'audit', input.memberId, 'createdAtMs'),
  ])
  if (!staff.ok) return staff
  if (!member) return err('MEMBER_NOT_FOUND')
  const detail: MemberDetail = {
    member: summaryOf(member, programme, staff.data.role, caller.nowMs),
    earnedTier: tierNameOf(programme, member.tierId),
    grantedTier: grantViewOf(member, programme, caller.nowMs),
    birthday: member.profile.birthday,
    balance: member.points.balance,
    expiredPoints: expiredBalance(member.points, caller.nowMs),
    lots: member.points.lots,
    ledger: ledger.entries,
    ledgerNextCursor: ledger.nextCursor,
    coupons: coupons.data.map((coupon) => walletCouponOf(coupon, caller.nowMs)),
    orders: (orders.data as OrderDocument[]).map(orderLineOf),
    staffActions: audit.data.map(auditViewOf),
    limits: limitsOf(programme, staff.data.role, caller.nowMs),
  }
  return ok(detail)
})

/**
 * `admin.memberLedger`: the member's points history a page at a time, for the detail's 加载更多
 * (managers and admins, as the detail). An unknown member has an empty history: the detail answered
 * MEMBER_NOT_FOUND already, and a page needs no member read. Requests: staff and the page, at once (2).
 */
export const memberLedger = defineAction(API.admin.memberLedger, async (input, caller) => {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor)
  if (input.cursor !== undefined && after === null) return err('INVALID_INPUT', 'cursor')
  const db = database()
  const [staff, page] = await Promise.all([requireManager(db, caller), ledgerPageOf(db, input.memberId, after)])
  if (!staff.ok) return staff
  return ok(page)
})

import {
  birthdaysOfMonth,
  dormantBeforeMs,
  expiringPointsOf,
  type NearTierBand,
  nearTierBands,
} from '@shared/admin/memberLists'
import { API, MEMBER_LIST_PAGE_SIZE, type MemberListReason, type memberListInput } from '@shared/contracts'
import { lastVisitOf, type Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { ok } from '@shared/result'
import { localDayOf } from '@shared/time/zonedTime'
import type { z } from 'zod'
import { type Database, database } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { requireManager } from '../../common/requireStaff'
import { defineAction } from '../../common/router'
import { summaryOf } from './members'
import { storeScopeOf } from './storeScope'

const DAY_MS = 86_400_000
type MemberListInput = z.output<typeof memberListInput>

/** A list as one condition on the member document (each on an indexed field), and why a member matched it. */
interface ListQuery {
  readonly where: unknown
  readonly reasonOf: (member: Member) => MemberListReason
}

function nearTierQuery(db: Database, bands: readonly NearTierBand[]): ListQuery {
  const _ = db.command
  return {
    where: _.or(
      bands.map((band) => ({ tierId: band.tierId, growth: _.gte(band.minGrowth).and(_.lt(band.belowGrowth)) })),
    ),
    reasonOf: (member) => {
      const band = bands.find((candidate) => candidate.tierId === member.tierId) as NearTierBand
      return { list: 'nearTier', growthShort: band.belowGrowth - member.growth, nextTier: band.nextTier.name }
    },
  }
}

function listQueryOf(db: Database, input: MemberListInput, programme: Programme, nowMs: number): ListQuery {
  const _ = db.command
  switch (input.list) {
    case 'dormant':
      // Members written before visits were recorded have no `lastVisitAtMs`: `lastVisitOf` reads their last visit.
      return {
        where: { lastVisitAtMs: _.or(_.lt(dormantBeforeMs(nowMs, input.days)), _.exists(false)) },
        reasonOf: (member) => ({ list: 'dormant', lastVisitAtMs: lastVisitOf(member, programme.timeZone) }),
      }
    case 'birthdays':
      return {
        where: { 'profile.birthday': _.in(birthdaysOfMonth(localDayOf(nowMs, programme.timeZone))) },
        reasonOf: (member) => ({ list: 'birthdays', birthday: member.profile.birthday as string }),
      }
    case 'nearTier':
      return nearTierQuery(db, nearTierBands(programme.tiers, input.growthShort))
    case 'expiringPoints': {
      const untilMs = nowMs + input.days * DAY_MS
      return {
        where: { 'points.lots.expiresAtMs': _.gt(nowMs).and(_.lte(untilMs)) },
        reasonOf: (member) => {
          const expiring = expiringPointsOf(member.points, nowMs, untilMs)
          return { list: 'expiringPoints', points: expiring.points, firstExpiresAtMs: expiring.firstExpiresAtMs ?? 0 }
        },
      }
    }
  }
}

/**
 * `admin.memberList`: a page of one list (by member id, as many as one 发券 takes), of the manager's
 * own store or (admins) the chain or a store. A dormant member who visited since the query is not on
 * it again: each page is read as of its own call. Requests with the programme cached: staff and the
 * page at once would need the scope first, so staff (1), then the page (1): 2.
 */
export const memberList = defineAction(API.admin.memberList, async (input, caller) => {
  const db = database()
  const [staff, programme] = await Promise.all([requireManager(db, caller), currentProgramme(db, caller.nowMs)])
  if (!staff.ok) return staff
  const scope = storeScopeOf(staff.data, input.storeId)
  if (!scope.ok) return scope
  const { storeId } = scope.data
  const _ = db.command
  const query = listQueryOf(db, input, programme, caller.nowMs)
  const where = _.and([
    { _id: _.gt(input.after ?? ''), ...(storeId === null ? {} : { joinedStoreId: storeId }) },
    query.where,
  ])
  const { data } = await db
    .collection('members')
    .where(where)
    .orderBy('_id', 'asc')
    .limit(MEMBER_LIST_PAGE_SIZE + 1)
    .get()
  const page = data.slice(0, MEMBER_LIST_PAGE_SIZE)
  return ok({
    list: input.list,
    storeId,
    rows: page.map((member) => ({
      member: summaryOf(member, programme, staff.data.role, caller.nowMs),
      reason: query.reasonOf(member),
    })),
    nextAfter: data.length > MEMBER_LIST_PAGE_SIZE ? (page.at(-1)?._id ?? null) : null,
  })
})

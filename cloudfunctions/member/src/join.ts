import { API, type JoinResult } from '@shared/contracts'
import { EMPTY_WALLET } from '@shared/ledger'
import { grantPoints, type LedgerEntry, type Member } from '@shared/member'
import { businessDayRuleOf } from '@shared/programme/businessDayRule'
import type { Programme } from '@shared/programme/schema'
import { err, ok } from '@shared/result'
import { tierForGrowth } from '@shared/tier'
import { businessDayOf } from '@shared/time/businessDay'
import { database } from '../../common/cloud'
import { isDuplicateKeyError } from '../../common/databaseErrors'
import { memberIdOf } from '../../common/memberId'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { defineAction } from '../../common/router'
import { cardOf, usableCouponCountOf } from './card'

function newMember(options: {
  memberId: string
  openid: string
  programme: Programme
  nowMs: number
  storeId: string | null
  referrerMemberId: string | null
}): { member: Member; giftEntry: LedgerEntry | null } {
  const { programme, nowMs, memberId } = options
  const base: Member = {
    _id: memberId,
    openid: options.openid,
    joinedAtMs: nowMs,
    joinedStoreId: options.storeId,
    referrerMemberId: options.referrerMemberId === memberId ? null : options.referrerMemberId,
    profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
    profileCompletionRewarded: false,
    tierId: tierForGrowth(programme.tiers, 0).id,
    growth: 0,
    periodAnchorDay: businessDayOf(nowMs, businessDayRuleOf(programme)),
    points: EMPTY_WALLET,
    checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
    firstPurchaseAtMs: null,
  }
  if (programme.joinGift.points === 0) return { member: base, giftEntry: null }
  const grant = grantPoints({
    member: base,
    programme,
    amount: programme.joinGift.points,
    nowMs,
    source: 'join',
    idempotencyKey: `join_${memberId}`,
  })
  return { member: { ...base, points: grant.points }, giftEntry: grant.entry }
}

/**
 * `member.join`: idempotent per OPENID. The member id derives from the OPENID, so the database's
 * unique `_id` decides: among concurrent joins exactly one transaction creates the member and its
 * join gift together; the others find the member and grant nothing.
 */
export const join = defineAction(API.member.join, async (input, caller) => {
  if (caller.openid === null) return err('FORBIDDEN', '需要微信用户身份')
  const openid = caller.openid
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const memberId = memberIdOf(openid)
  const fresh = newMember({
    memberId,
    openid,
    programme,
    nowMs: caller.nowMs,
    storeId: input.storeId ?? null,
    referrerMemberId: input.referrerMemberId ?? null,
  })
  let joined = true
  try {
    await db.runTransaction(async (transaction) => {
      await transaction.collection('members').add({ data: { ...fresh.member } })
      if (fresh.giftEntry) await transaction.collection('ledger').add({ data: { ...fresh.giftEntry } })
    })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
    joined = false
  }
  let member = fresh.member
  if (!joined) {
    const existing = await readDocument(db.collection('members').doc(memberId))
    if (!existing) throw new Error('a duplicate member id was reported but no member exists')
    member = existing
  }
  const couponCount = joined ? 0 : await usableCouponCountOf(memberId, caller.nowMs)
  const result: JoinResult = {
    joined,
    card: cardOf(member, programme, couponCount, caller.nowMs),
    gift: joined
      ? { points: programme.joinGift.points, couponTemplateIds: programme.joinGift.couponTemplateIds }
      : null,
  }
  return ok(result)
})

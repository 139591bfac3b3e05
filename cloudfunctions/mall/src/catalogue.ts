import { API, CATALOGUE_SIZE_MAX, type Catalogue } from '@shared/contracts'
import { usableBalance } from '@shared/ledger'
import type { MallItem } from '@shared/mall'
import { heldTierIdOf, type Member } from '@shared/member'
import type { Programme } from '@shared/programme/schema'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import type { RedemptionCounterDocument } from '../../common/documents/mall'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { itemFromDocument } from './documents'
import { itemViewOf, type Viewer } from './itemView'

/** Counters a member can hold: one per item they ever redeemed, far below the query cap. */
const COUNTERS_READ_MAX = 1000

/** The caller's view of the mall: their tier, usable points and what they already hold. */
export function viewerOf(
  member: Member,
  counters: readonly RedemptionCounterDocument[],
  programme: Programme,
  nowMs: number,
): Viewer {
  return {
    // A tier granted by hand counts, as it does on the card.
    tierId: heldTierIdOf(member, programme.tiers, nowMs),
    usableBalance: usableBalance(member.points, nowMs),
    redeemedByItem: new Map(counters.map((counter) => [counter.itemId, counter.count])),
  }
}

function saleHasEnded(item: MallItem, nowMs: number): boolean {
  return item.saleEndsAtMs !== null && nowMs >= item.saleEndsAtMs
}

/**
 * `mall.catalogue`: the items on sale or about to be (ended sales are left out), cheapest first,
 * each with whether the caller can redeem it and the 积分够 badge. Visitors who have not joined see
 * the items with NOT_A_MEMBER. Three database requests at once: the member, the items, the counters (and the
 * programme while it is not cached: a tier granted by hand counts).
 */
export const catalogue = defineAction(API.mall.catalogue, async (_input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const db = database()
  const [programme, member, items, counters] = await Promise.all([
    currentProgramme(db, caller.nowMs),
    loadCallerMember(db, caller),
    db.collection('mall_items').where({ status: 'onSale' }).limit(CATALOGUE_SIZE_MAX).get(),
    db.collection('redemptions').where({ memberId: memberId.data }).limit(COUNTERS_READ_MAX).get(),
  ])
  if (!member.ok && member.code !== 'NOT_A_MEMBER') return member
  const viewer = member.ok ? viewerOf(member.data, counters.data, programme, caller.nowMs) : null
  const valid = items.data
    .map(itemFromDocument)
    .filter((item): item is MallItem => item !== null && !saleHasEnded(item, caller.nowMs))
    .sort((a, b) => a.pointsPrice - b.pointsPrice || a.id.localeCompare(b.id))
  const result: Catalogue = {
    balance: viewer?.usableBalance ?? null,
    items: valid.map((item) => itemViewOf(item, viewer, caller.nowMs)),
  }
  return ok(result)
})

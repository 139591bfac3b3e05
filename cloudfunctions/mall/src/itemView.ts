import type { MallItemView } from '@shared/contracts'
import { type MallItem, redeemEligibility } from '@shared/mall'
import { err } from '@shared/result'

/** What the catalogue knows about the caller: tier, usable points and units held per item. */
export interface Viewer {
  readonly tierId: string
  readonly usableBalance: number
  readonly redeemedByItem: ReadonlyMap<string, number>
}

/** An item as the caller sees it: whether they can redeem it now and, if not, the first reason why. */
export function itemViewOf(item: MallItem, viewer: Viewer | null, nowMs: number): MallItemView {
  const redeemedByMember = viewer?.redeemedByItem.get(item.id) ?? 0
  const eligibility = viewer
    ? redeemEligibility({
        item,
        tierId: viewer.tierId,
        redeemedByMember,
        stock: item.stock,
        usableBalance: viewer.usableBalance,
        nowMs,
      })
    : err('NOT_A_MEMBER')
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    description: item.description,
    image: item.image,
    pointsPrice: item.pointsPrice,
    stock: item.stock,
    perMemberLimit: item.perMemberLimit,
    redeemedByMember,
    tierIds: item.tierIds,
    saleStartsAtMs: item.saleStartsAtMs,
    saleEndsAtMs: item.saleEndsAtMs,
    canRedeem: eligibility.ok,
    reason: eligibility.ok ? null : eligibility.code,
    affordable: viewer !== null && viewer.usableBalance >= item.pointsPrice,
  }
}

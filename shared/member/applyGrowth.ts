import type { Programme } from '../programme/schema'
import { qualificationPeriodAt, tierUpgrade, upgradeGiftKey } from '../tier'
import { type GiftCoupon, giftCouponsOf } from './giftCoupons'
import { grantPoints } from './grantPoints'
import type { LedgerEntry, Member } from './member'
import { countQualifyingGrowth } from './qualification'

/** A member after a growth gain: tier, growth, wallet, and the upgrade-gift entries to write. */
export interface GrowthOutcome {
  readonly member: Member
  readonly upgradedTo: { readonly id: string; readonly name: string } | null
  readonly giftEntries: readonly LedgerEntry[]
  /** The crossed tiers' coupon gifts, for the caller to issue (a coupon takes the template's hot counter). */
  readonly giftCoupons: readonly GiftCoupon[]
}

/**
 * Adds growth and applies an upgrade in the same flow: crossing a threshold moves the member up at
 * once and pays each crossed tier's points gift, keyed per member, tier and qualification period,
 * so a gift is paid once per tier per period however often the member drops and climbs back. The
 * growth also counts toward keeping the tier at the period's end (`countQualifyingGrowth`). Coupon
 * gifts come back as `giftCoupons`, keyed by the same gift key and the template.
 */
export function applyGrowth(options: {
  readonly member: Member
  readonly programme: Programme
  readonly growth: number
  readonly nowMs: number
}): GrowthOutcome {
  const { programme, nowMs } = options
  const growth = options.member.growth + options.growth
  const upgrade = tierUpgrade(programme.tiers, { tierId: options.member.tierId, growth })
  let member: Member = {
    ...options.member,
    growth,
    tierId: upgrade.tier.id,
    ...countQualifyingGrowth(options.member, options.growth, nowMs),
  }
  const giftEntries: LedgerEntry[] = []
  const giftCoupons: GiftCoupon[] = []
  const period = qualificationPeriodAt({
    policy: programme.qualificationPeriod,
    nowMs,
    anchorDay: member.periodAnchorDay,
    timeZone: programme.timeZone,
  })
  for (const due of upgrade.dueGifts) {
    const key = upgradeGiftKey({ memberId: member._id, tierId: due.tierId, periodStartDay: period.startDay })
    giftCoupons.push(...giftCouponsOf(due.gift, key))
    if (due.gift.points === 0) continue
    const grant = grantPoints({
      member,
      programme,
      amount: due.gift.points,
      nowMs,
      source: `upgrade:${due.tierId}`,
      idempotencyKey: key,
    })
    member = { ...member, points: grant.points }
    giftEntries.push(grant.entry)
  }
  return {
    member,
    upgradedTo: upgrade.upgraded ? { id: upgrade.tier.id, name: upgrade.tier.name } : null,
    giftEntries,
    giftCoupons,
  }
}

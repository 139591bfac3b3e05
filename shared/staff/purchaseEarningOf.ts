import { type Birthday, type PurchaseEarning, purchaseEarning } from '../earning'
import type { Member } from '../member'
import { heldTierOf } from '../member/heldTier'
import type { Programme } from '../programme/schema'

/** A member's `MM-DD` birthday as the birthday-month campaign reads it; null when unset or unreadable. */
export function birthdayOf(member: Pick<Member, 'profile'>): Birthday | null {
  const match = /^(\d{2})-(\d{2})$/.exec(member.profile.birthday ?? '')
  return match ? { month: Number(match[1]), day: Number(match[2]) } : null
}

/**
 * Points and growth a purchase gives a member now: the held tier's multiplier (a grant counts), campaigns (the birthday month from
 * the profile), cap. A member whose tier is no longer in the programme earns at the first tier's rate.
 */
export function purchaseEarningOf(options: {
  readonly programme: Programme
  readonly member: Member
  readonly amountFen: number
  readonly nowMs: number
}): PurchaseEarning {
  const { programme, member } = options
  const tiers = programme.tiers
  const tier = heldTierOf(member, tiers, options.nowMs) ?? tiers[0]
  if (!tier) throw new Error('the programme has no tiers')
  return purchaseEarning(programme, {
    amountFen: options.amountFen,
    tier,
    birthday: birthdayOf(member),
    purchasedAtMs: options.nowMs,
  })
}

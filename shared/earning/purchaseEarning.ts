import { businessDayRuleOf } from '../programme/businessDayRule'
import type { Programme, Tier } from '../programme/schema'
import { businessDayOf } from '../time/businessDay'
import { type Birthday, campaignsApplying } from './campaigns'

/** Largest purchase one call may record: ¥1,000,000. Keeps every product below 2^53. */
export const PURCHASE_AMOUNT_FEN_MAX = 100_000_000

/** One line of the breakdown shown to staff and written to the audit log. */
export type EarningLine =
  | { readonly kind: 'base'; readonly points: number }
  | { readonly kind: 'tier'; readonly tierId: string; readonly multiplierPercent: number; readonly points: number }
  | {
      readonly kind: 'campaign'
      readonly campaignId: string
      readonly name: string
      readonly multiplierPercent: number
      readonly points: number
    }
  | { readonly kind: 'cap'; readonly capPoints: number; readonly points: number }

/** Points and growth a purchase gives, and which rule gave what (the lines add up to `points`). */
export interface PurchaseEarning {
  readonly points: number
  readonly growth: number
  readonly lines: readonly EarningLine[]
}

function perYuan(amountFen: number, rate: { amount: number; perYuan: number }): number {
  return Math.floor((amountFen * rate.amount) / (rate.perYuan * 100))
}

function multiplied(points: number, multiplierPercent: number): number {
  return Math.floor((points * multiplierPercent) / 100)
}

/**
 * Points and growth for a purchase. The base is rounded down per purchase (¥0.99 gives nothing at
 * 1 point per yuan); the tier multiplier and then each campaign multiplier apply in turn, each step
 * rounded down, so every line of the breakdown is a whole number and the lines add up exactly.
 * The cap applies last. Growth follows spend only: multipliers reward points, not tier progress.
 * Campaign days are business days in the programme's time zone.
 */
export function purchaseEarning(
  programme: Programme,
  purchase: { amountFen: number; tier: Tier; birthday: Birthday | null; purchasedAtMs: number },
): PurchaseEarning {
  const { amountFen } = purchase
  if (!Number.isSafeInteger(amountFen) || amountFen < 0 || amountFen > PURCHASE_AMOUNT_FEN_MAX) {
    throw new RangeError(`purchase amount must be whole fen within 0..${PURCHASE_AMOUNT_FEN_MAX}: ${amountFen}`)
  }
  const rules = programme.earning
  const day = businessDayOf(purchase.purchasedAtMs, businessDayRuleOf(programme))
  const basePoints = perYuan(amountFen, rules.points)
  const lines: EarningLine[] = [{ kind: 'base', points: basePoints }]
  let points = basePoints

  const tierMultiplier = purchase.tier.pointsMultiplierPercent
  if (tierMultiplier !== 100) {
    const next = multiplied(points, tierMultiplier)
    lines.push({ kind: 'tier', tierId: purchase.tier.id, multiplierPercent: tierMultiplier, points: next - points })
    points = next
  }
  const campaigns = campaignsApplying(rules.campaigns, {
    day,
    birthday: purchase.birthday,
    stacking: rules.campaignStacking,
  })
  for (const campaign of campaigns) {
    const next = multiplied(points, campaign.multiplierPercent)
    lines.push({
      kind: 'campaign',
      campaignId: campaign.id,
      name: campaign.name,
      multiplierPercent: campaign.multiplierPercent,
      points: next - points,
    })
    points = next
  }
  const cap = rules.pointsCapPerPurchase
  if (cap !== null && points > cap) {
    lines.push({ kind: 'cap', capPoints: cap, points: cap - points })
    points = cap
  }
  return { points, growth: perYuan(amountFen, rules.growth), lines }
}

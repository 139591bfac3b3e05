/**
 * The figures the dashboard counts as events happen: each event adds to some of them, for the day
 * and store it happened in (see `StatEvent`), and a day's figures are the sums of its events'. All are
 * integers; points and money keep their ledger signs, so that a day's points figures added up are
 * the day's change of the points outstanding.
 */

export const STAT_FIGURES = [
  /** Members who joined, and of them those from a store's QR code, a friend's share, or neither. */
  'newMembers',
  'newMembersStoreQr',
  'newMembersReferral',
  'newMembersDirect',
  /** Check-ins, makeups included. */
  'checkIns',
  /** Purchases recorded at the counter, and their amount (fen). */
  'purchases',
  'purchaseAmountFen',
  /** Purchases reversed, and the amount they had (fen). */
  'reversals',
  'reversedAmountFen',
  /** The ledger's amounts by entry type, as signed as the entries: earned > 0, spent, expired and reversed < 0, adjusted either. */
  'pointsEarned',
  'pointsSpent',
  'pointsExpired',
  'pointsReversed',
  'pointsAdjusted',
  /** Mall orders placed, and cancelled (by the member or at the pickup window's end). */
  'redemptions',
  'redemptionsCancelled',
  /** Pickup gifts handed over at a counter. */
  'pickups',
  /** Coupons that went into a wallet (claimed, redeemed, gifted, issued by an admin), and coupons verified at a counter. */
  'couponsIssued',
  'couponsVerified',
] as const

export type StatFigure = (typeof STAT_FIGURES)[number]
export type StatFigures = Readonly<Record<StatFigure, number>>
/** What one event adds: the figures it moves. */
export type StatDelta = Readonly<Partial<Record<StatFigure, number>>>

export const ZERO_FIGURES: StatFigures = Object.fromEntries(STAT_FIGURES.map((figure) => [figure, 0])) as Record<
  StatFigure,
  number
>

/** `figures` with `delta` added, figure by figure; a figure the delta lacks is unchanged. */
export function addFigures(figures: StatFigures, delta: StatDelta): StatFigures {
  const sum = { ...figures } as Record<StatFigure, number>
  for (const figure of STAT_FIGURES) sum[figure] += delta[figure] ?? 0
  return sum
}

/** Two deltas as one: what both events together add. */
export function mergeDeltas(a: StatDelta, b: StatDelta): StatDelta {
  const merged: Partial<Record<StatFigure, number>> = { ...a }
  for (const [figure, value] of Object.entries(b) as [StatFigure, number][])
    merged[figure] = (merged[figure] ?? 0) + value
  return merged
}

/** The figure each ledger entry type adds its amount to. */
const LEDGER_FIGURE: Readonly<Record<'earn' | 'spend' | 'expire' | 'reverse' | 'adjust', StatFigure>> = {
  earn: 'pointsEarned',
  spend: 'pointsSpent',
  expire: 'pointsExpired',
  reverse: 'pointsReversed',
  adjust: 'pointsAdjusted',
}

/** What a ledger entry adds: its amount, to its type's figure. */
export function ledgerDelta(entry: { readonly type: keyof typeof LEDGER_FIGURE; readonly amount: number }): StatDelta {
  return { [LEDGER_FIGURE[entry.type]]: entry.amount }
}

/** What a join adds: a new member, by where they came from (a referral counts as one even when scanned in a store). */
export function joinDelta(member: {
  readonly joinedStoreId: string | null
  readonly referrerMemberId: string | null
}): StatDelta {
  if (member.referrerMemberId !== null) return { newMembers: 1, newMembersReferral: 1 }
  return member.joinedStoreId !== null
    ? { newMembers: 1, newMembersStoreQr: 1 }
    : { newMembers: 1, newMembersDirect: 1 }
}

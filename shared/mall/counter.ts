/**
 * How many units of an item a member holds (`redemptions/{memberId}_{itemId}`), for the per-member
 * limit. It is written with the member's other documents in the redemption's unit of work, so two
 * redemptions by one member are serialised and the limit holds under any concurrency. Items without
 * a limit have no counter: nothing to hold, two requests saved.
 */
export interface RedemptionCounter {
  readonly _id: string
  readonly memberId: string
  readonly itemId: string
  readonly count: number
  readonly updatedAtMs: number
}

/** The id of a member's counter for an item. */
export function redemptionCounterIdOf(memberId: string, itemId: string): string {
  return `${memberId}_${itemId}`
}

/** The member's counter for an item moved by `step` (never below zero), as of `nowMs`. */
export function countedRedemptions(
  counter: RedemptionCounter | null,
  options: { readonly memberId: string; readonly itemId: string; readonly step: 1 | -1; readonly nowMs: number },
): RedemptionCounter {
  const { memberId, itemId } = options
  return {
    _id: redemptionCounterIdOf(memberId, itemId),
    memberId,
    itemId,
    count: Math.max((counter?.count ?? 0) + options.step, 0),
    updatedAtMs: options.nowMs,
  }
}

import { createHash } from 'node:crypto'

function digestOf(purpose: string, memberId: string, requestId: string): string {
  return createHash('sha256').update(`${purpose}:${memberId}:${requestId}`).digest('hex').slice(0, 24)
}

/**
 * The id of what a redemption creates (its pickup order or its coupon), derived from the member and
 * the client's request id: a replay of the request finds the same id, so it is the idempotency key.
 * Hashed rather than `${memberId}_${requestId}` so that every id fits a coupon code's subject (40
 * characters) and the ledger key `redeem_<id>` fits the history cursor (64): 25 characters, 96 bits.
 */
export function redemptionIdOf(memberId: string, requestId: string): string {
  return `r${digestOf('redeem', memberId, requestId)}`
}

/** The id of a claimed coupon, derived from the member and the client's request id (see `redemptionIdOf`). */
export function claimIdOf(memberId: string, requestId: string): string {
  return `c${digestOf('claim', memberId, requestId)}`
}

/** The id of the coupon an admin's issue request gives a member (see `redemptionIdOf`). */
export function issueIdOf(memberId: string, requestId: string): string {
  return `i${digestOf('issue', memberId, requestId)}`
}

import { createHash } from 'node:crypto'

/**
 * A member's id, derived from their OPENID. Deriving it lets every action address the member
 * document directly (inside a transaction, where queries are not allowed) and makes joining
 * idempotent through the unique `_id`, while the OPENID itself never leaves the server.
 */
export function memberIdOf(openid: string): string {
  return `m${createHash('sha256').update(`member:${openid}`).digest('hex').slice(0, 24)}`
}

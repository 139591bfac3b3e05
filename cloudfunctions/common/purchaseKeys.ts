import { createHash } from 'node:crypto'
import { receiptPurchaseKey } from '@shared/staff'

function digestOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 32)
}

/**
 * The id of a purchase: its ledger entry and audit entry, and the idempotency key that makes a replay
 * award nothing. With a receipt number, `purchase_<storeId>_<receiptNo>` (unique per store; hashed
 * when too long, `purchase_h…`); without one, a hash of the member and the client's request id
 * (`purchase_r…`). Hashed forms have no `_` after the prefix, so they never equal a readable one.
 */
export function purchaseKeyOf(options: {
  readonly storeId: string | null
  readonly receiptNo: string | undefined
  readonly memberId: string
  readonly requestId: string
}): string {
  const { receiptNo, memberId, requestId } = options
  if (receiptNo === undefined) return `purchase_r${digestOf('request', memberId, requestId)}`
  const storeId = options.storeId ?? ''
  return receiptPurchaseKey({ storeId, receiptNo }) ?? `purchase_h${digestOf('receipt', storeId, receiptNo)}`
}

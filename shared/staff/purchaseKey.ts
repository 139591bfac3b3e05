/**
 * Longest id a purchase may have: its ledger entry's id, and its reversal's `reverse_<id>`, must fit
 * the history cursor's 64 characters.
 */
export const PURCHASE_KEY_LENGTH_MAX = 56

/**
 * The readable key of a purchase with a receipt number, `purchase_<storeId>_<receiptNo>`, unique per
 * store; null when it would be longer than PURCHASE_KEY_LENGTH_MAX (the caller then hashes the pair).
 */
export function receiptPurchaseKey(options: { readonly storeId: string; readonly receiptNo: string }): string | null {
  const key = `purchase_${options.storeId}_${options.receiptNo}`
  return key.length <= PURCHASE_KEY_LENGTH_MAX ? key : null
}

/** The key of a purchase's reversal: its ledger entry and audit entry. */
export function reversalKeyOf(purchaseKey: string): string {
  return `reverse_${purchaseKey}`
}

/**
 * Ledger lines for paging tests, written straight into the database: `count` zero-point lines of a
 * member (`test_00` …, oldest first), in pairs that share an instant a second apart from `fromMs`,
 * the case a time-only cursor gets wrong. Zero points, so the balance keeps matching the ledger.
 */
export function zeroPointLines(memberId: string, options: { count: number; balanceAfter: number; fromMs: number }) {
  return Array.from({ length: options.count }, (_, index) => ({
    _id: `test_${String(index).padStart(2, '0')}`,
    memberId,
    type: 'earn',
    amount: 0,
    balanceAfter: options.balanceAfter,
    lotChanges: [],
    shortfall: 0,
    source: 'checkin',
    operatorId: null,
    idempotencyKey: `test_${index}`,
    reason: null,
    createdAtMs: options.fromMs + Math.floor(index / 2) * 1000,
  }))
}

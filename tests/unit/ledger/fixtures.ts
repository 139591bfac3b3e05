import type { PointsWallet } from '@shared/ledger'

export const DAY_MS = 86_400_000
/** Noon on 2026-11-24 in Shanghai. */
export const T = Date.UTC(2026, 10, 24, 4)

/** 60 points: 10 expiring in a day, 20 in two days, 30 never. */
export const threeLotWallet: PointsWallet = {
  balance: 60,
  lots: [
    { expiresAtMs: T + DAY_MS, amount: 10 },
    { expiresAtMs: T + 2 * DAY_MS, amount: 20 },
    { expiresAtMs: null, amount: 30 },
  ],
}

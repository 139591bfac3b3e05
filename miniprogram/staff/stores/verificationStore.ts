import type { ApiEnvelope, UsageRecord, VerifyCouponResult, VerifyPickupResult } from '@shared/contracts'
import type { ErrorCode } from '@shared/errors'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { submitOnce } from '@/stores/submitOnce'

/** Where one verification (a coupon's 核销 or a pickup order's hand-over) stands. */
export type VerificationState<T> =
  | { readonly status: 'idle' | 'verifying' }
  | { readonly status: 'verified'; readonly result: T }
  /** Someone got there first: who, when and where. */
  | { readonly status: 'alreadyUsed'; readonly usage: UsageRecord; readonly message: string }
  | { readonly status: 'failed'; readonly code: ErrorCode; readonly message: string }

interface VerificationStore {
  readonly coupon: VerificationState<VerifyCouponResult>
  readonly pickup: VerificationState<VerifyPickupResult>
  /** Verifies a coupon's code; nothing is sent while a coupon verification is on its way. */
  verifyCoupon(token: string): Promise<unknown>
  /** Hands over a pickup order; nothing is sent while a pickup verification is on its way. */
  verifyPickup(pickupCode: string): Promise<unknown>
  reset(): void
}

/** The `details` a COUPON_USED or ALREADY_PICKED_UP refusal carries (see `UsageRefusal`), if any. */
function usageOf(answer: ApiEnvelope<unknown>): UsageRecord | null {
  if (answer.ok || (answer.code !== 'COUPON_USED' && answer.code !== 'ALREADY_PICKED_UP')) return null
  const details = (answer as { details?: unknown }).details
  if (typeof details !== 'object' || details === null) return null
  const usage = details as Partial<UsageRecord>
  return typeof usage.byName === 'string' && typeof usage.atMs === 'number' ? (details as UsageRecord) : null
}

function stateOf<T>(answer: ApiEnvelope<T>): VerificationState<T> {
  if (answer.ok) return { status: 'verified', result: answer.data }
  const usage = usageOf(answer)
  return usage === null
    ? { status: 'failed', code: answer.code, message: answer.message }
    : { status: 'alreadyUsed', usage, message: answer.message }
}

// Bumped by reset(): answers that arrive for an older generation belong to a page that is gone.
let generation = 0

/** Verifying a coupon from its code (`staff.verifyCoupon`) and a pickup order from its pickup code. */
export const useVerificationStore = create<VerificationStore>((set) => ({
  coupon: { status: 'idle' },
  pickup: { status: 'idle' },
  // One verification of each kind at a time: a scan or tap while one is on its way sends nothing.
  verifyCoupon: submitOnce(async (token: string) => {
    const requested = generation
    set({ coupon: { status: 'verifying' } })
    const answer = await callAction('staff', 'verifyCoupon', { token })
    if (requested === generation) set({ coupon: stateOf(answer) })
  }),
  verifyPickup: submitOnce(async (pickupCode: string) => {
    const requested = generation
    set({ pickup: { status: 'verifying' } })
    const answer = await callAction('staff', 'verifyPickup', { pickupCode })
    if (requested === generation) set({ pickup: stateOf(answer) })
  }),
  reset() {
    generation += 1
    set({ coupon: { status: 'idle' }, pickup: { status: 'idle' } })
  },
}))

import { formatFen } from '../money'
import type { StaffLimits } from '../programme/schema'
import { err, ok, type Result } from '../result'
import type { StaffRole } from './roles'

/**
 * Whether a purchase goes beyond what a plain staff member may record alone: above the per-purchase
 * maximum, or taking their business day's total above the daily limit. Managers and admins are never
 * limited: their recording it is the confirmation.
 */
export function needsManagerApproval(options: {
  readonly role: StaffRole
  readonly amountFen: number
  /** What this staff member has already recorded today. */
  readonly dailyTotalFen: number
  readonly limits: Pick<StaffLimits, 'purchaseAmountFenMax' | 'dailyTotalFenPerStaff'>
}): boolean {
  if (options.role !== 'staff') return false
  return (
    options.amountFen > options.limits.purchaseAmountFenMax ||
    options.dailyTotalFen + options.amountFen > options.limits.dailyTotalFenPerStaff
  )
}

/** `needsManagerApproval` as a check: MANAGER_APPROVAL_REQUIRED naming the limit that was crossed. */
export function purchaseWithinLimits(
  options: Parameters<typeof needsManagerApproval>[0],
): Result<void, 'MANAGER_APPROVAL_REQUIRED'> {
  if (!needsManagerApproval(options)) return ok(undefined)
  const { amountFen, limits } = options
  return amountFen > limits.purchaseAmountFenMax
    ? err('MANAGER_APPROVAL_REQUIRED', `单笔超过 ${formatFen(limits.purchaseAmountFenMax)}`)
    : err('MANAGER_APPROVAL_REQUIRED', `今日累计将超过 ${formatFen(limits.dailyTotalFenPerStaff)}`)
}

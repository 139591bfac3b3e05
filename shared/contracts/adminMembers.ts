/**
 * The `admin` function's member actions beyond search, detail, points and birthday: a tier granted
 * by hand with an end date, and what the member detail shows of it and of the member's orders.
 */
import { z } from 'zod'
import { MEMBER_ID_PATTERN } from '../admin/memberQuery'
import type { OrderStatus } from '../mall/order'
import { isDayKey } from '../time/calendarDay'
import { requestIdSchema } from './requestId'

const tierId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, '等级 id 格式不正确')

/**
 * `grantTier`: the member holds `tierId` (when above the tier they earned) through `endsOn`, the last
 * day, in the programme's time zone; `tierId` null takes the grant away. Replaces an earlier grant.
 */
export const grantTierInput = z
  .object({
    requestId: requestIdSchema,
    memberId: z.string().regex(MEMBER_ID_PATTERN, '会员编号格式不正确'),
    tierId: tierId.nullable(),
    endsOn: z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD').nullable(),
    reason: z.string().trim().min(1, '请填写授予原因').max(100, '授予原因不能超过 100 个字'),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.tierId !== null && input.endsOn === null) {
      context.addIssue({ code: 'custom', path: ['endsOn'], message: '请选择结束日期' })
    }
  })

/** A tier granted by hand, as staff read it. */
export interface MemberTierGrant {
  readonly tier: { readonly id: string; readonly name: string }
  /** The last day it holds; null for a grant written before the console (then see `untilMs`). */
  readonly endsOn: string | null
  readonly untilMs: number
  /** Whether it still holds now. */
  readonly active: boolean
  readonly grantedBy: string
  readonly grantedByName: string | null
  readonly reason: string
}

/** `admin.grantTier`: the grant before and after and the tier the member holds after; a replay answers the first. */
export interface GrantTierResult {
  readonly memberId: string
  readonly before: { readonly tierId: string; readonly endsOn: string | null } | null
  readonly after: { readonly tierId: string; readonly endsOn: string | null } | null
  readonly heldTier: { readonly id: string; readonly name: string }
  readonly replayed: boolean
}

/** What the caller's role may do to a member, for the detail page's forms (the action checks again). */
export interface MemberActionLimits {
  readonly adjustmentPointsMax: number
  readonly tierGrantDaysMax: number
  /** The tiers the caller may grant, lowest first. */
  readonly grantableTiers: readonly { readonly id: string; readonly name: string }[]
  /** Today in the programme's time zone: the earliest last day of a grant. */
  readonly today: string
}

/** A pickup order as the member detail lists it: without its pickup code, which is the member's to show. */
export interface MemberOrderLine {
  readonly id: string
  readonly title: string
  readonly pointsSpent: number
  readonly status: OrderStatus
  readonly createdAtMs: number
}

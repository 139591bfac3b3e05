import type { Programme } from '../programme/schema'
import { TIER_GRANT_DAYS_MAX } from '../programme/schema'
import { err, ok, type Result } from '../result'
import type { StaffRole } from '../staff/roles'
import { addDays, type DayKey, daysBetween } from '../time/calendarDay'
import { localDayOf, startOfLocalDayMs } from '../time/zonedTime'
import type { GrantedTier, Member } from './member'

/** A tier grant as a manager or admin asked for it: `tierId` null takes the member's grant away. */
export interface TierGrantRequest {
  readonly tierId: string | null
  /** The last day the tier holds (in the programme's time zone); null with `tierId` null. */
  readonly endsOn: DayKey | null
  readonly reason: string
  readonly operator: { readonly openid: string; readonly name: string; readonly role: StaffRole }
}

/** The longest grant, in days after today, `role` may make: the programme's limit for managers, 366 for admins, 0 for clerks. */
export function tierGrantDaysMaxOf(programme: Programme, role: StaffRole): number {
  if (role === 'admin') return TIER_GRANT_DAYS_MAX
  return role === 'manager' ? programme.staffLimits.managerTierGrantDaysMax : 0
}

/**
 * Whether `role` may grant, replace or take away a grant of `tierId`: admins any tier, managers any
 * but the top one (the top tier is the brand's to give, so a manager can neither give nor undo it).
 */
export function mayTouchTier(programme: Programme, role: StaffRole, tierId: string | null): boolean {
  if (role === 'admin' || tierId === null) return true
  return role === 'manager' && programme.tiers.at(-1)?.id !== tierId
}

/**
 * The member's grant after the request: valid through `endsOn` (until the start of the next day in
 * the programme's time zone), within the role's limit of days, never ending before today. Replaces
 * any earlier grant; points, growth and the earned `tierId` are never touched (see `heldTierOf`).
 */
export function decideTierGrant(
  member: Pick<Member, 'grantedTier'>,
  request: TierGrantRequest,
  context: { readonly programme: Programme; readonly nowMs: number },
): Result<GrantedTier | null, 'TIER_NOT_FOUND' | 'TIER_GRANT_OVER_LIMIT' | 'INVALID_INPUT'> {
  const { programme, nowMs } = context
  const { role } = request.operator
  const current = member.grantedTier ?? null
  if (!mayTouchTier(programme, role, current?.tierId ?? null) || !mayTouchTier(programme, role, request.tierId)) {
    return err('TIER_GRANT_OVER_LIMIT', '最高等级只能由品牌管理员授予或撤销')
  }
  if (request.tierId === null) return ok(null)
  if (!programme.tiers.some((tier) => tier.id === request.tierId)) return err('TIER_NOT_FOUND')
  if (request.endsOn === null) return err('INVALID_INPUT', 'endsOn: 请选择结束日期')
  const days = daysBetween(localDayOf(nowMs, programme.timeZone), request.endsOn)
  if (days < 0) return err('INVALID_INPUT', 'endsOn: 结束日期不能早于今天')
  const limit = tierGrantDaysMaxOf(programme, role)
  if (days > limit) return err('TIER_GRANT_OVER_LIMIT', `最长只能授予到 ${limit} 天后，更久请由品牌管理员处理`)
  return ok({
    tierId: request.tierId,
    untilMs: startOfLocalDayMs(addDays(request.endsOn, 1), programme.timeZone),
    endsOn: request.endsOn,
    grantedBy: request.operator.openid,
    grantedByName: request.operator.name,
    grantedAtMs: nowMs,
    reason: request.reason,
  })
}

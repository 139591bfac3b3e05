import { err, ok, type Result } from '../result'
import type { InvitableRole, StaffBinding } from './roles'

/**
 * Whether a staff member may invite someone as `role` of `storeId`: an admin for any store and role,
 * a manager only staff of their own store, plain staff nobody.
 */
export function inviteAuthority(
  binding: StaffBinding,
  invite: { readonly role: InvitableRole; readonly storeId: string },
): Result<void, 'FORBIDDEN'> {
  if (binding.role === 'admin') return ok(undefined)
  if (binding.role === 'manager' && invite.role === 'staff' && invite.storeId === binding.storeId) {
    return ok(undefined)
  }
  return err('FORBIDDEN', binding.role === 'manager' ? '店长只能邀请本店店员' : '仅店长或管理员可以邀请员工')
}

/** Who an invite written by the first-run deploy seed names as its inviter: the deployer, not a staff member. */
export const DEPLOYMENT_INVITER = 'deploy-seed'

/**
 * Whether an invite still binds: it dies with its creator's authority, so an invite created by a
 * manager who has since been unbound (no binding) or could no longer create it is refused
 * (INVITE_REVOKED). The first admin's invite from the deploy seed has the deployer's authority.
 */
export function inviterAuthority(
  inviter: { readonly openid: string; readonly binding: StaffBinding | null },
  invite: { readonly role: InvitableRole; readonly storeId: string },
): Result<void, 'INVITE_REVOKED'> {
  if (inviter.openid === DEPLOYMENT_INVITER) return ok(undefined)
  if (inviter.binding && inviteAuthority(inviter.binding, invite).ok) return ok(undefined)
  return err('INVITE_REVOKED')
}

/** Whom a staff-management action names, as the permission rules need it. */
export interface StaffTarget {
  readonly callerOpenid: string
  readonly targetOpenid: string
  /** The target's binding once read; null when they are not bound (or not read yet). */
  readonly target: StaffBinding | null
}

/**
 * Whether a staff member may unbind another: an admin anyone but themselves (the last admin could
 * lock everyone out), a manager only the clerks of their own store, a clerk nobody.
 */
export function unbindAuthority(binding: StaffBinding, target: StaffTarget): Result<void, 'FORBIDDEN'> {
  if (binding.role === 'staff') return err('FORBIDDEN', '仅店长或管理员可以解绑员工')
  if (target.callerOpenid === target.targetOpenid) return err('FORBIDDEN', '不能解绑自己')
  if (binding.role === 'manager' && target.target !== null && !isClerkOf(target.target, binding.storeId)) {
    return err('FORBIDDEN', '店长只能解绑本店店员')
  }
  return ok(undefined)
}

/**
 * Whether a staff member may change another's role or store: admins only (a manager promoting a
 * clerk would hand out their own authority), never their own, never an admin's (admins are set up
 * by the operator and can only be unbound).
 */
export function roleChangeAuthority(binding: StaffBinding, target: StaffTarget): Result<void, 'FORBIDDEN'> {
  if (binding.role !== 'admin') return err('FORBIDDEN', '仅管理员可以更改员工角色')
  if (target.callerOpenid === target.targetOpenid) return err('FORBIDDEN', '不能更改自己的角色')
  if (target.target?.role === 'admin') return err('FORBIDDEN', '管理员的角色不能更改，只能解绑')
  return ok(undefined)
}

/**
 * Whose bindings a staff member may list: an admin any store's (or every store's: null), a manager
 * their own store's, a clerk nobody's.
 */
export function staffListScopeOf(
  binding: StaffBinding,
  storeId: string | undefined,
): Result<{ readonly storeId: string | null }, 'FORBIDDEN'> {
  if (binding.role === 'admin') return ok({ storeId: storeId ?? null })
  if (binding.role === 'manager' && (storeId === undefined || storeId === binding.storeId)) {
    return ok({ storeId: binding.storeId })
  }
  return err('FORBIDDEN', binding.role === 'manager' ? '店长只能查看本店员工' : '仅店长或管理员可以查看员工')
}

function isClerkOf(target: StaffBinding, storeId: string | null): boolean {
  return target.role === 'staff' && storeId !== null && target.storeId === storeId
}

/** Whether a staff member may reverse a purchase recorded in `purchaseStoreId`: that store's manager, or an admin. */
export function reversalAuthority(binding: StaffBinding, purchaseStoreId: string | null): Result<void, 'FORBIDDEN'> {
  if (binding.role === 'admin') return ok(undefined)
  if (binding.role === 'manager' && purchaseStoreId !== null && binding.storeId === purchaseStoreId) {
    return ok(undefined)
  }
  return err('FORBIDDEN', binding.role === 'manager' ? '只能撤销本店的消费记录' : '仅店长或管理员可以撤销消费')
}

/**
 * Whose audit entries a staff member may list today: `mine` for anyone; `store` for a manager (their
 * store) or an admin (every store, answered as null).
 */
export function auditScopeOf(
  binding: StaffBinding,
  scope: 'mine' | 'store',
): Result<{ readonly kind: 'mine' } | { readonly kind: 'store'; readonly storeId: string | null }, 'FORBIDDEN'> {
  if (scope === 'mine') return ok({ kind: 'mine' })
  if (binding.role === 'staff') return err('FORBIDDEN', '仅店长或管理员可以查看全店记录')
  return ok({ kind: 'store', storeId: binding.role === 'admin' ? null : binding.storeId })
}

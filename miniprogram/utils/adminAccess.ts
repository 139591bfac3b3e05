import type { StaffRole } from '@shared/contracts'

/**
 * Who sees 管理后台 on 我的: managers (their store, mostly read only) and admins. A clerk has nothing
 * there. The screen only: the `admin` and `jobs` functions check the caller's role again.
 */
export function opensAdminConsole(role: StaffRole): boolean {
  return role === 'admin' || role === 'manager'
}

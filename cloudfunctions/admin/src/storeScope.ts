import { err, ok, type Result } from '@shared/result'
import type { StaffDocument } from '../../common/documents/staff'

/**
 * The store a manager's or admin's read is of: an admin's choice (null: the whole chain); a
 * manager's own store, and only their own (FORBIDDEN for another, saying `refusal`).
 */
export function storeScopeOf(
  staff: StaffDocument,
  storeId: string | undefined,
  refusal = '店长只能查看本店数据',
): Result<{ storeId: string | null }, 'FORBIDDEN'> {
  if (staff.role === 'admin') return ok({ storeId: storeId ?? null })
  if (staff.storeId === null || (storeId ?? staff.storeId) !== staff.storeId) return err('FORBIDDEN', refusal)
  return ok({ storeId: staff.storeId })
}

import type { StaffMe } from '@shared/contracts'
import type { StaffBinding } from '@shared/staff'
import type { StaffDocument, StoreDocument } from '../../common/documents/staff'

/** A binding as the permission rules take it. */
export function bindingOf(staff: StaffDocument): StaffBinding {
  return { role: staff.role, storeId: staff.storeId }
}

/** A binding as `staff.me` answers it. */
export function staffMeOf(staff: StaffDocument, store: StoreDocument | null): StaffMe {
  return { role: staff.role, storeId: staff.storeId, storeName: store?.name ?? null, name: staff.name }
}

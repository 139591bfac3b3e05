import type { StaffView } from '@shared/contracts'
import { fireEvent } from '@testing-library/react'

/** When the fixtures' staff were bound, and when their audit entries were written. */
export const BOUND_MS = Date.UTC(2026, 4, 1, 2, 0)

/** `admin.listStores` for an admin: two stores. */
export const TWO_STORES = {
  ok: true,
  data: {
    stores: [
      { id: 'store-1', name: '1 号店', address: '', phone: '', hours: '' },
      { id: 'store-2', name: '2 号店', address: '', phone: '', hours: '' },
    ],
    canCreate: true,
  },
}

/** A clerk of store-1 as `admin.listStaff` lists them. */
export const LIN: StaffView = {
  openid: 'o-lin',
  name: '小林',
  role: 'staff',
  storeId: 'store-1',
  storeName: '1 号店',
  boundAtMs: BOUND_MS,
}

/** The inputs the page sent to one action, in order. */
export function inputsOf(callFunction: jest.Mock, action: string): Record<string, unknown>[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === action).map(([o]) => o.data.input)
}

/** Taps the element with this id. */
export function click(container: HTMLElement, id: string): void {
  fireEvent.click(container.querySelector(`#${id}`) as Element)
}

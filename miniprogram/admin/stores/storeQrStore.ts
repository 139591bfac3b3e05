import type { StoreQrCode } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import { type Loadable, loadInto } from '@/stores/loadable'

interface StoreQrStore {
  readonly storeId: string | null
  /** `admin.storeQrCode` for `storeId`; `forbidden` for another store's manager or a clerk. */
  readonly state: Loadable<StoreQrCode, 'forbidden'>
  load(storeId: string): Promise<void>
}

/** A store's join QR code, drawn once by the function and shown from a temporary URL. */
export const useStoreQrStore = create<StoreQrStore>((set, get) => ({
  storeId: null,
  state: { status: 'idle' },
  async load(storeId) {
    const current = get().storeId === storeId ? get().state : { status: 'idle' as const }
    set({ storeId })
    await loadInto({
      current,
      write: (state) => set({ state }),
      request: () => callAction('admin', 'storeQrCode', { storeId }),
      refusals: { NOT_STAFF: 'forbidden', FORBIDDEN: 'forbidden' },
      stillWanted: () => get().storeId === storeId,
    })
  },
}))

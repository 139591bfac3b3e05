import type { Wallet } from '@shared/contracts'
import { create } from 'zustand'
import { callAction } from '@/api/client'
import type { WalletTab } from '@/utils/walletTabs'
import { type Loadable, loadInto } from './loadable'

interface WalletStore {
  readonly state: Loadable<Wallet>
  readonly tab: WalletTab
  /** Fetches the wallet; with one on screen it refreshes quietly. */
  load(): Promise<void>
  selectTab(tab: WalletTab): void
  reset(): void
}

/** The member's coupons from `coupon.wallet`, and which tab of them is on screen. */
export const useWalletStore = create<WalletStore>((set, get) => ({
  state: { status: 'idle' },
  tab: 'available',
  async load() {
    await loadInto({
      current: get().state,
      write: (state) => set({ state }),
      request: () => callAction('coupon', 'wallet', {}),
    })
  },
  selectTab(tab) {
    set({ tab })
  },
  reset() {
    set({ state: { status: 'idle' }, tab: 'available' })
  },
}))

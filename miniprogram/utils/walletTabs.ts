import type { WalletCoupon } from '@shared/contracts'
import type { CouponState } from '@shared/coupon'

/** The wallet's tabs, in order. */
export const WALLET_TABS = [
  { tab: 'available', title: '可使用' },
  { tab: 'used', title: '已使用' },
  { tab: 'expired', title: '已过期' },
] as const

/** A tab of the wallet. */
export type WalletTab = (typeof WALLET_TABS)[number]['tab']

/** The tab a coupon shows under: a coupon not valid yet is still the member's to use, so 可使用. */
export function walletTabOf(state: CouponState): WalletTab {
  return state === 'notYetValid' ? 'available' : state
}

/** The coupons of one tab, in the wallet's order. */
export function couponsOfTab(coupons: readonly WalletCoupon[], tab: WalletTab): readonly WalletCoupon[] {
  return coupons.filter((coupon) => walletTabOf(coupon.state) === tab)
}

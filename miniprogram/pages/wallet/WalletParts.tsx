import type { Wallet, WalletCoupon } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { CouponTicket } from '@/components/CouponTicket'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { couponStoresText, couponValidityText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import { WALLET_TABS, type WalletTab } from '@/utils/walletTabs'

const STAMPS: Partial<Record<WalletCoupon['state'], string>> = {
  used: '已使用',
  expired: '已过期',
  notYetValid: '未生效',
}

/** When it was used; or its validity and, while it can still be used, where (for a coupon limited to stores). */
function linesOf(coupon: WalletCoupon, storeNames: Wallet['storeNames']): string[] {
  if (coupon.state === 'used' && coupon.usedAtMs !== null) return [`使用时间 ${formatDateTime(coupon.usedAtMs)}`]
  const usable = coupon.state === 'available' || coupon.state === 'notYetValid'
  const stores = usable ? couponStoresText(coupon, storeNames) : null
  return stores === null ? [couponValidityText(coupon)] : [couponValidityText(coupon), stores]
}

/** 可使用 / 已使用 / 已过期, each with its count. */
export function WalletTabs({
  wallet,
  tab,
  onSelect,
}: {
  wallet: Wallet
  tab: WalletTab
  onSelect: (tab: WalletTab) => void
}) {
  return (
    <View className='wallet-tabs'>
      {WALLET_TABS.map((entry) => (
        <View
          key={entry.tab}
          id={`wallet-tab-${entry.tab}`}
          className={classNames('wallet-tabs__tab', entry.tab === tab && 'wallet-tabs__tab--active')}
          onClick={() => onSelect(entry.tab)}
        >
          <Text>{`${entry.title} (${wallet.counts[entry.tab]})`}</Text>
        </View>
      ))}
    </View>
  )
}

/** The coupons of a tab, each opening its detail and counter code. */
export function WalletList({
  coupons,
  storeNames,
}: {
  coupons: readonly WalletCoupon[]
  storeNames: Wallet['storeNames']
}) {
  return (
    <View className='wallet-list' id='wallet-list'>
      {coupons.map((coupon) => {
        const stamp = STAMPS[coupon.state]
        return (
          <CouponTicket
            key={coupon.id}
            id={`wallet-coupon-${coupon.id}`}
            title={coupon.title}
            benefit={coupon.benefit}
            lines={linesOf(coupon, storeNames)}
            muted={coupon.state === 'used' || coupon.state === 'expired'}
            aside={stamp === undefined ? undefined : <Text className='wallet-page__stamp'>{stamp}</Text>}
            onClick={() => void navigate('couponDetail', { id: coupon.id })}
          />
        )
      })}
    </View>
  )
}

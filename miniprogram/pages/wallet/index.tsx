import type { Wallet, WalletCoupon } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { CouponTicket } from '@/components/CouponTicket'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { navigate } from '@/navigation'
import { useWalletStore } from '@/stores/walletStore'
import { classNames } from '@/utils/classNames'
import { couponValidityText } from '@/utils/couponText'
import { formatDateTime } from '@/utils/formatTime'
import { couponsOfTab, WALLET_TABS, type WalletTab } from '@/utils/walletTabs'
import './index.css'

const STAMPS: Partial<Record<WalletCoupon['state'], string>> = {
  used: '已使用',
  expired: '已过期',
  notYetValid: '未生效',
}

function linesOf(coupon: WalletCoupon): string[] {
  if (coupon.state === 'used' && coupon.usedAtMs !== null) return [`使用时间 ${formatDateTime(coupon.usedAtMs)}`]
  return [couponValidityText(coupon)]
}

function Tabs({ wallet, tab, onSelect }: { wallet: Wallet; tab: WalletTab; onSelect: (tab: WalletTab) => void }) {
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

/** The coupon wallet: 可使用 / 已使用 / 已过期 tabs, each coupon opening its detail and counter code. */
export default function WalletPage() {
  const visible = usePageVisible()
  const state = useWalletStore((store) => store.state)
  const tab = useWalletStore((store) => store.tab)
  const load = useWalletStore((store) => store.load)
  const selectTab = useWalletStore((store) => store.selectTab)

  useEffect(() => {
    if (visible) void load()
  }, [visible, load])

  if (state.status !== 'ready') {
    return (
      <PageShell className='wallet-page'>
        {state.status === 'error' ? (
          <LoadState state='error' message={state.message} onRetry={load} />
        ) : (
          <LoadState state='loading' />
        )}
      </PageShell>
    )
  }
  const coupons = couponsOfTab(state.data.coupons, tab)
  const tabTitle = WALLET_TABS.find((entry) => entry.tab === tab)?.title ?? ''
  return (
    <PageShell className='wallet-page'>
      <Tabs wallet={state.data} tab={tab} onSelect={selectTab} />
      {coupons.length === 0 ? (
        <View className='wallet-page__empty'>
          <LoadState state='empty' message={`暂无${tabTitle}的优惠券`} />
          {tab === 'available' && (
            <View className='wallet-page__centre' id='wallet-link-centre' onClick={() => void navigate('couponCentre')}>
              <Text>去领券中心看看 ›</Text>
            </View>
          )}
        </View>
      ) : (
        <View className='wallet-list' id='wallet-list'>
          {coupons.map((coupon) => {
            const stamp = STAMPS[coupon.state]
            return (
              <CouponTicket
                key={coupon.id}
                id={`wallet-coupon-${coupon.id}`}
                title={coupon.title}
                benefit={coupon.benefit}
                lines={linesOf(coupon)}
                muted={coupon.state === 'used' || coupon.state === 'expired'}
                aside={stamp === undefined ? undefined : <Text className='wallet-page__stamp'>{stamp}</Text>}
                onClick={() => void navigate('couponDetail', { id: coupon.id })}
              />
            )
          })}
        </View>
      )}
    </PageShell>
  )
}

import { Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { MessageOptIn } from '@/components/MessageOptIn'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { useWalletStore } from '@/stores/walletStore'
import { couponsOfTab, WALLET_TABS } from '@/utils/walletTabs'
import { WalletList, WalletTabs } from './WalletParts'
import './index.css'

/** The coupon wallet: 可使用 / 已使用 / 已过期 tabs, each coupon opening its detail and counter code. */
export default function WalletPage() {
  const state = useWalletStore((store) => store.state)
  const tab = useWalletStore((store) => store.tab)
  const load = useWalletStore((store) => store.load)
  const selectTab = useWalletStore((store) => store.selectTab)
  usePageData(load)

  const tabTitle = WALLET_TABS.find((entry) => entry.tab === tab)?.title ?? ''
  return (
    <PageShell className='wallet-page'>
      <Loaded state={state} onRetry={load}>
        {(wallet) => {
          const coupons = couponsOfTab(wallet.coupons, tab)
          return (
            <>
              <WalletTabs wallet={wallet} tab={tab} onSelect={selectTab} />
              {coupons.length === 0 ? (
                <View className='wallet-page__empty'>
                  <LoadState state='empty' message={`暂无${tabTitle}的优惠券`} />
                  {tab === 'available' && (
                    <View
                      className='wallet-page__centre'
                      id='wallet-link-centre'
                      onClick={() => void navigate('couponCentre')}
                    >
                      <Text>去领券中心看看 ›</Text>
                    </View>
                  )}
                </View>
              ) : (
                <>
                  {tab === 'available' && (
                    <MessageOptIn keys={['couponExpiry']} label='优惠券到期前提醒我' id='wallet-opt-in' />
                  )}
                  <WalletList coupons={coupons} storeNames={wallet.storeNames} />
                </>
              )}
            </>
          )
        }}
      </Loaded>
    </PageShell>
  )
}

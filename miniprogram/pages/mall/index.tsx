import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useMallStore } from '@/stores/mallStore'
import { selectTiers, useProgrammeStore } from '@/stores/programmeStore'
import { Balance, ItemCard, MallLinks } from './MallParts'
import './index.css'

/** The points mall (tabBar): the member's balance, then every item with its price, stock and badges. */
export default function MallPage() {
  const state = useMallStore((store) => store.state)
  const load = useMallStore((store) => store.load)
  const tiers = useProgrammeStore(selectTiers)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  usePageData(useCallback(() => Promise.all([load(), ensureProgramme()]), [load, ensureProgramme]))

  return (
    <PageShell className='mall-page'>
      <Loaded state={state} onRetry={load}>
        {(catalogue) => (
          <>
            <Balance catalogue={catalogue} />
            <MallLinks />
            {catalogue.items.length === 0 ? (
              <LoadState state='empty' message='商城暂无可兑换的商品' />
            ) : (
              <View className='mall-items' id='mall-items'>
                {catalogue.items.map((item) => (
                  <ItemCard key={item.id} item={item} tiers={tiers} />
                ))}
              </View>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

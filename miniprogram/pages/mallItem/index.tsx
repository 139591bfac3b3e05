import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { ItemImage } from '@/components/ItemImage'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { useMallItemStore } from '@/stores/mallItemStore'
import { selectTiers, useProgrammeStore } from '@/stores/programmeStore'
import { redeemFailureText } from '@/utils/refusals'
import { CouponTerms, Facts, RedeemOutcome } from './ItemDetails'
import { RedeemFooter } from './RedeemFooter'
import './index.css'

/** One mall item: everything about it, why it cannot be redeemed, and redeeming it after a confirmation. */
export default function MallItemPage() {
  const itemId = useRouteQuery('mallItem').id ?? ''
  const state = useMallItemStore((store) => store.state)
  const redemption = useMallItemStore((store) => store.redemption)
  const load = useMallItemStore((store) => store.load)
  const tiers = useProgrammeStore(selectTiers)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const reload = useCallback(() => load(itemId), [load, itemId])
  usePageData(
    useCallback(() => Promise.all([reload(), ensureProgramme()]), [reload, ensureProgramme]),
    useMallItemStore((store) => store.reset),
  )

  return (
    <PageShell className='item-page'>
      <Loaded state={state} onRetry={reload}>
        {(item) => (
          <>
            <ItemImage item={item} className='item-page__image' />
            <View className='item-page__card'>
              <Text className='item-page__title' id='item-title'>
                {item.title}
              </Text>
              <Text className='item-page__price' id='item-price'>{`${item.pointsPrice} 积分`}</Text>
              {item.description !== '' && (
                <Text className='item-page__description' id='item-description'>
                  {item.description}
                </Text>
              )}
              <Facts item={item} tiers={tiers} />
              {item.couponTemplate !== null && <CouponTerms template={item.couponTemplate} />}
            </View>
            {redemption.status === 'done' && <RedeemOutcome result={redemption.result} />}
            {redemption.status === 'failed' && (
              <Text className='item-page__error' id='redeem-error'>
                {redeemFailureText(redemption.code, redemption.message)}
              </Text>
            )}
            <RedeemFooter item={item} tiers={tiers} />
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

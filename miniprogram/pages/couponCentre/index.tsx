import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { useCouponCentreStore } from '@/stores/couponCentreStore'
import { selectTiers, useProgrammeStore } from '@/stores/programmeStore'
import { claimFailureText } from '@/utils/refusals'
import { ClaimableTicket } from './ClaimableTicket'
import './index.css'

/** The claim centre: coupon templates open for claiming, their terms, and a 领取 button for each. */
export default function CouponCentrePage() {
  const state = useCouponCentreStore((store) => store.state)
  const claiming = useCouponCentreStore((store) => store.claiming)
  const load = useCouponCentreStore((store) => store.load)
  const claim = useCouponCentreStore((store) => store.claim)
  const tiers = useProgrammeStore(selectTiers)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  usePageData(useCallback(() => Promise.all([load(), ensureProgramme()]), [load, ensureProgramme]))

  async function onClaim(templateId: string) {
    const answer = await claim(templateId)
    if (answer === null) return
    await Taro.showToast(
      answer.ok
        ? { title: '领取成功，已放入卡券包', icon: 'success' }
        : { title: claimFailureText(answer.code, answer.message), icon: 'none' },
    )
  }

  return (
    <PageShell className='centre-page'>
      <Loaded state={state} onRetry={load}>
        {(templates) => (
          <>
            <View className='centre-page__wallet' id='centre-link-wallet' onClick={() => void navigate('wallet')}>
              <Text>我的卡券包</Text>
              <Text className='centre-page__chevron'>›</Text>
            </View>
            {templates.length === 0 ? (
              <LoadState state='empty' message='暂无可领取的优惠券' />
            ) : (
              <View className='centre-list' id='centre-list'>
                {templates.map((template) => (
                  <ClaimableTicket
                    key={template.templateId}
                    template={template}
                    tiers={tiers}
                    claiming={claiming}
                    onClaim={() => void onClaim(template.templateId)}
                  />
                ))}
              </View>
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

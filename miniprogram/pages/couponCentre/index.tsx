import type { ClaimableTemplate } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { CouponTicket } from '@/components/CouponTicket'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageVisible } from '@/hooks/usePageVisible'
import { navigate } from '@/navigation'
import { useCouponCentreStore } from '@/stores/couponCentreStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { classNames } from '@/utils/classNames'
import { templateValidityText } from '@/utils/couponText'
import { type TierName, tierNamesText } from '@/utils/mallText'
import { claimFailureText } from '@/utils/refusals'
import './index.css'

function termsOf(template: ClaimableTemplate, tiers: readonly TierName[]): string[] {
  const lines = [templateValidityText(template.validity)]
  if (template.remaining !== null) lines.push(`剩余 ${template.remaining} 张`)
  lines.push(`每人限领 ${template.perMemberLimit} 张，已领 ${template.claimedByMember} 张`)
  if (template.tierIds.length > 0) lines.push(`仅限${tierNamesText(template.tierIds, tiers)}领取`)
  return lines
}

function claimButtonText(template: ClaimableTemplate, claiming: boolean): string {
  if (claiming) return '领取中…'
  switch (template.reason) {
    case null:
      return '领取'
    case 'SOLD_OUT':
      return '已领完'
    case 'LIMIT_REACHED':
      return '已领取'
    case 'TIER_REQUIRED':
      return '等级不足'
    case 'CLAIM_NOT_OPEN':
      return '未开放'
  }
}

/** The claim centre: coupon templates open for claiming, their terms, and a 领取 button for each. */
export default function CouponCentrePage() {
  const visible = usePageVisible()
  const state = useCouponCentreStore((store) => store.state)
  const claiming = useCouponCentreStore((store) => store.claiming)
  const load = useCouponCentreStore((store) => store.load)
  const claim = useCouponCentreStore((store) => store.claim)
  const programmeState = useProgrammeStore((store) => store.state)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const tiers = programmeState.status === 'ready' ? programmeState.programme.tiers : []

  useEffect(() => {
    if (!visible) return
    void load()
    void ensureProgramme()
  }, [visible, load, ensureProgramme])

  async function onClaim(templateId: string) {
    const answer = await claim(templateId)
    await Taro.showToast(
      answer.ok
        ? { title: '领取成功，已放入卡券包', icon: 'success' }
        : { title: claimFailureText(answer.code, answer.message), icon: 'none' },
    )
  }

  return (
    <PageShell className='centre-page'>
      {(state.status === 'idle' || state.status === 'loading') && <LoadState state='loading' />}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={load} />}
      {state.status === 'ready' && (
        <>
          <View className='centre-page__wallet' id='centre-link-wallet' onClick={() => void navigate('wallet')}>
            <Text>我的卡券包</Text>
            <Text className='centre-page__chevron'>›</Text>
          </View>
          {state.data.length === 0 ? (
            <LoadState state='empty' message='暂无可领取的优惠券' />
          ) : (
            <View className='centre-list' id='centre-list'>
              {state.data.map((template) => {
                const busy = claiming === template.templateId
                const enabled = template.canClaim && claiming === null
                return (
                  <CouponTicket
                    key={template.templateId}
                    id={`template-${template.templateId}`}
                    title={template.title}
                    benefit={template.benefit}
                    lines={termsOf(template, tiers)}
                    muted={!template.canClaim}
                    aside={
                      <Button
                        className={classNames(
                          'button button--small centre-page__claim',
                          !enabled && 'button--disabled',
                        )}
                        id={`claim-${template.templateId}`}
                        disabled={!enabled}
                        onClick={() => void onClaim(template.templateId)}
                      >
                        {claimButtonText(template, busy)}
                      </Button>
                    }
                  />
                )
              })}
            </View>
          )}
        </>
      )}
    </PageShell>
  )
}

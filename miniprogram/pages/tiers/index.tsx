import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { GrowthProgress } from '@/components/GrowthProgress'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { TierLadder } from '@/components/TierLadder'
import { usePageData } from '@/hooks/usePageData'
import { selectCard, useCardStore } from '@/stores/cardStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import './index.css'

/** Every tier with its threshold and benefits; a member also sees their tier marked and their progress. */
export default function TiersPage() {
  const programmeState = useProgrammeStore((store) => store.state)
  const loadProgramme = useProgrammeStore((store) => store.load)
  const card = useCardStore(selectCard)
  const loadCard = useCardStore((store) => store.load)
  usePageData(useCallback(() => Promise.all([loadProgramme(), loadCard()]), [loadProgramme, loadCard]))

  return (
    <PageShell className='tiers-page'>
      <Loaded
        state={programmeState}
        onRetry={loadProgramme}
        empty={{ when: (programme) => programme.tiers.length === 0, text: '暂未设置会员等级' }}
      >
        {(programme) => (
          <>
            {card !== null && (
              <View className='tiers-page__mine' id='tiers-current'>
                <Text className='tiers-page__mine-label'>我的等级</Text>
                <Text className='tiers-page__mine-tier' id='tiers-current-name'>
                  {card.tier.name}
                </Text>
                <GrowthProgress card={card} tone='dark' />
              </View>
            )}
            <View className='tiers-page__heading'>
              <Text id='brand-name'>{programme.brandName}</Text>
              <Text> · 会员等级与权益</Text>
            </View>
            <TierLadder tiers={programme.tiers} {...(card === null ? {} : { currentTierId: card.tier.id })} />
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

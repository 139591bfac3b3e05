import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { GrowthProgress } from '@/components/GrowthProgress'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { TierLadder } from '@/components/TierLadder'
import { useCardStore } from '@/stores/cardStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import './index.css'

/** Every tier with its threshold and benefits; a member also sees their tier marked and their progress. */
export default function TiersPage() {
  const programmeState = useProgrammeStore((store) => store.state)
  const loadProgramme = useProgrammeStore((store) => store.load)
  const cardState = useCardStore((store) => store.state)
  const loadCard = useCardStore((store) => store.load)

  useEffect(() => {
    void loadProgramme()
    void loadCard()
  }, [loadProgramme, loadCard])

  const card = cardState.status === 'ready' ? cardState.card : null
  return (
    <PageShell className='tiers-page'>
      {(programmeState.status === 'idle' || programmeState.status === 'loading') && <LoadState state='loading' />}
      {programmeState.status === 'error' && (
        <LoadState state='error' message={programmeState.message} onRetry={loadProgramme} />
      )}
      {programmeState.status === 'ready' && programmeState.programme.tiers.length === 0 && (
        <LoadState state='empty' message='暂未设置会员等级' />
      )}
      {programmeState.status === 'ready' && programmeState.programme.tiers.length > 0 && (
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
            <Text id='brand-name'>{programmeState.programme.brandName}</Text>
            <Text> · 会员等级与权益</Text>
          </View>
          <TierLadder
            tiers={programmeState.programme.tiers}
            {...(card === null ? {} : { currentTierId: card.tier.id })}
          />
        </>
      )}
    </PageShell>
  )
}

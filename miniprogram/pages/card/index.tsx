import { View } from '@tarojs/components'
import { useCallback, useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { MemberCodePanel } from '@/components/MemberCodePanel'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { relaunch } from '@/navigation'
import { useCardStore } from '@/stores/cardStore'
import { useMemberCodeStore } from '@/stores/memberCodeStore'
import { selectProgramme, useProgrammeStore } from '@/stores/programmeStore'
import { CardFace, CardLinks, CardNotices } from './CardFace'
import { useLiveMemberCode } from './useLiveMemberCode'
import '../../components/TierColours.css'
import './index.css'

/** The member card: the tabBar home and launch page. Non-members are sent to the join page. */
export default function CardPage() {
  const state = useCardStore((store) => store.state)
  const loadCard = useCardStore((store) => store.load)
  const dismissTierChange = useCardStore((store) => store.dismissTierChange)
  const programme = useProgrammeStore(selectProgramme)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const codeState = useMemberCodeStore((store) => store.state)
  const nowMs = useMemberCodeStore((store) => store.nowMs)
  const loadCode = useMemberCodeStore((store) => store.load)
  const visible = usePageData(
    useCallback(() => Promise.all([loadCard(), ensureProgramme()]), [loadCard, ensureProgramme]),
  )

  useEffect(() => {
    if (state.status === 'notMember') void relaunch('join')
  }, [state.status])

  useLiveMemberCode(visible && state.status === 'ready')

  return (
    <PageShell className='card-page'>
      <Loaded state={state} onRetry={loadCard}>
        {(card) => (
          <>
            <CardFace card={card} programme={programme} />
            <View className='card-page__section card-page__code'>
              <MemberCodePanel state={codeState} nowMs={nowMs} onRetry={loadCode} />
            </View>
            <CardNotices card={card} onTierChangeRead={() => void dismissTierChange()} />
            <CardLinks />
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

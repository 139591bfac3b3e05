import { useCallback, useEffect, useMemo } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { navigate } from '@/navigation'
import { useCardStore } from '@/stores/cardStore'
import { useProgrammeStore } from '@/stores/programmeStore'
import { joinInputOf } from '@/utils/joinParams'
import { JoinForm } from './JoinForm'
import './index.css'

/**
 * The join landing: opened from a store's QR code (`scene` = store id) or a friend's share
 * (`referrer`). Members go straight on to their card; everyone else joins with one tap.
 */
export default function JoinPage() {
  const query = useRouteQuery('join')
  const input = useMemo(() => joinInputOf(query), [query])
  const cardState = useCardStore((store) => store.state)
  const loadCard = useCardStore((store) => store.load)
  const programmeState = useProgrammeStore((store) => store.state)
  const loadProgramme = useProgrammeStore((store) => store.load)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  usePageData(useCallback(() => Promise.all([loadCard(), ensureProgramme()]), [loadCard, ensureProgramme]))

  useEffect(() => {
    if (cardState.status === 'ready') void navigate('card')
  }, [cardState.status])

  // Only a visitor who is not a member (the card's refusal) sees the form; a member is on the way to the card.
  const joinForm = (
    <Loaded state={programmeState} onRetry={loadProgramme}>
      {(programme) => <JoinForm programme={programme} input={input} />}
    </Loaded>
  )
  return (
    <PageShell className='join-page'>
      <Loaded state={cardState} onRetry={loadCard} refused={joinForm}>
        {() => <LoadState state='loading' />}
      </Loaded>
    </PageShell>
  )
}

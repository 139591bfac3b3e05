import { Text } from '@tarojs/components'
import { useEffect } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { TierLadder } from '@/components/TierLadder'
import { useProgrammeStore } from '@/stores/programmeStore'
import './index.css'

/** Home: the brand and the tiers of its programme. The member card replaces it in the member journey. */
export default function HomePage() {
  const state = useProgrammeStore((store) => store.state)
  const load = useProgrammeStore((store) => store.load)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <PageShell className='home'>
      {(state.status === 'idle' || state.status === 'loading') && <LoadState state='loading' />}
      {state.status === 'error' && <LoadState state='error' message={state.message} onRetry={load} />}
      {state.status === 'ready' && (
        <>
          <Text id='brand-name' className='home__brand'>
            {state.programme.brandName}
          </Text>
          <Text className='home__subtitle'>会员等级与权益</Text>
          <TierLadder tiers={state.programme.tiers} />
        </>
      )}
    </PageShell>
  )
}

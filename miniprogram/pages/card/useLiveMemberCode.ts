import { useEffect } from 'react'
import { useMemberCodeStore } from '@/stores/memberCodeStore'

/** How often the countdown (and the check for a due refresh) ticks. */
const TICK_MS = 1_000

/** Keeps the member code fresh while the card is on screen and a member's; stops when it is not. */
export function useLiveMemberCode(active: boolean) {
  const load = useMemberCodeStore((store) => store.load)
  const tick = useMemberCodeStore((store) => store.tick)
  const reset = useMemberCodeStore((store) => store.reset)
  useEffect(() => {
    if (!active) return
    void load()
    const timer = setInterval(tick, TICK_MS)
    return () => {
      clearInterval(timer)
      reset()
    }
  }, [active, load, tick, reset])
}

import { useEffect, useState } from 'react'

/** How often `useNowMs` advances by default: sale windows and validity are shown to the minute. */
export const CLOCK_TICK_MS = 60_000

function deviceNowMs(): number {
  return Date.now()
}

/**
 * The device time for render, advancing every `tickMs` while the component is mounted. Render reads
 * the clock through this, never `Date.now()` itself, so what a page shows changes only when the
 * clock ticks, and two renders in a row agree.
 */
export function useNowMs(tickMs: number = CLOCK_TICK_MS): number {
  const [nowMs, setNowMs] = useState(deviceNowMs)
  useEffect(() => {
    const timer = setInterval(() => setNowMs(deviceNowMs()), tickMs)
    return () => clearInterval(timer)
  }, [tickMs])
  return nowMs
}

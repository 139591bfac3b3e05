import { useEffect } from 'react'
import { useCouponDetailStore } from '@/stores/couponDetailStore'

/** How often the countdown (and the check for a due refresh) ticks. */
const TICK_MS = 1_000

/** Keeps the coupon's code fresh while the page is on screen and the coupon usable; stops when not. */
export function useLiveCouponCode(active: boolean) {
  const loadCode = useCouponDetailStore((store) => store.loadCode)
  const tick = useCouponDetailStore((store) => store.tick)
  useEffect(() => {
    if (!active) return
    void loadCode()
    const timer = setInterval(tick, TICK_MS)
    return () => clearInterval(timer)
  }, [active, loadCode, tick])
}

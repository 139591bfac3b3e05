import { useEffect } from 'react'
import { usePageVisible } from './usePageVisible'

/**
 * The one way a page loads its data. `load` runs whenever the page comes on screen: when it mounts
 * and on every return to it (tabBar pages are hidden, not unmounted; a page under another comes back
 * when that one closes), so it shows what changed meanwhile. Stores refresh quietly, so a return
 * never flashes a spinner. `reset`, when given, runs as the page unmounts: the next visit starts
 * clean and answers still on their way are dropped. `load` is null for a page whose parts load
 * their own data (the counter: StaffGate and TodayList). Both must be stable (store actions, or
 * `useCallback`). Returns whether the page is on screen, for timers that must stop while it is not.
 */
export function usePageData(load: (() => unknown) | null, reset?: () => void): boolean {
  const visible = usePageVisible()
  useEffect(() => {
    if (visible && load !== null) void load()
  }, [visible, load])
  useEffect(() => reset, [reset])
  return visible
}

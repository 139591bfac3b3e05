import { useCardStore } from '@/stores/cardStore'
import { useCheckInStore } from '@/stores/checkInStore'
import { useHistoryStore } from '@/stores/historyStore'
import { useJoinStore } from '@/stores/joinStore'
import { useMemberCodeStore } from '@/stores/memberCodeStore'
import { useProfileStore } from '@/stores/profileStore'
import { useProgrammeStore } from '@/stores/programmeStore'

/** Puts every store back as the app starts, so no test sees what an earlier one loaded. */
export function resetStores(): void {
  useMemberCodeStore.getState().reset()
  for (const store of [
    useCardStore,
    useCheckInStore,
    useHistoryStore,
    useJoinStore,
    useMemberCodeStore,
    useProfileStore,
    useProgrammeStore,
  ] as const) {
    ;(store as { setState(state: unknown, replace: true): void }).setState(store.getInitialState(), true)
  }
}

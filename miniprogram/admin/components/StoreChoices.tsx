import type { StaffMe } from '@shared/contracts'
import { useEffect } from 'react'
import { selectStore, useStoreListStore } from '../stores/storeListStore'
import { type Choice, Choices } from './Choices'

/** An admin's choice of the whole chain (null) or one store, from the stores list; ids are `<id>-all` and `<id>-<storeId>`. */
export function StoreChoices(props: { id: string; chosen: string | null; onChoose: (storeId: string | null) => void }) {
  const stores = useStoreListStore((store) => store.state)
  const ensureLoaded = useStoreListStore((store) => store.ensureLoaded)
  useEffect(() => void ensureLoaded(), [ensureLoaded])
  const choices: Choice<string | null>[] = [
    { id: `${props.id}-all`, value: null, label: '全部门店' },
    ...(stores.status === 'ready'
      ? stores.data.stores.map((store) => ({ id: `${props.id}-${store.id}`, value: store.id, label: store.name }))
      : []),
  ]
  return <Choices id={`${props.id}s`} choices={choices} chosen={props.chosen} onChoose={props.onChoose} />
}

/** How a screen names the store its figures are for: 全部门店, the store's name once the list is in, or the caller's own. */
export function useStoreLabel(staff: StaffMe): (storeId: string | null) => string {
  const stores = useStoreListStore((store) => store.state)
  return (storeId) =>
    storeId === null ? '全部门店' : (selectStore(stores, storeId)?.name ?? staff.storeName ?? storeId)
}

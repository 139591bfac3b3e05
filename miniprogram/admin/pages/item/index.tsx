import { Button, View } from '@tarojs/components'
import { useEffect } from 'react'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useRouteQuery } from '@/hooks/useRouteQuery'
import { redirect } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AdminGate } from '../../components/AdminGate'
import { AdminNotice } from '../../components/AdminNotice'
import { selectItem, useCatalogueStore } from '../../stores/catalogueStore'
import { NEW_ITEM, useItemEditorStore } from '../../stores/itemEditorStore'
import { ItemActions } from './ItemActions'
import { ItemFields } from './ItemFields'
import '../../admin.css'

function SaveBar({ creating }: { creating: boolean }) {
  const busy = useItemEditorStore((store) => store.busy)
  const notice = useItemEditorStore((store) => store.notice)
  const save = useItemEditorStore((store) => store.save)
  // A new item, once created, is edited at its own address: a second 保存 must update it, not create again.
  const submit = async () => {
    const item = await save()
    if (item !== null && creating) await redirect('adminItem', { id: item.id })
  }
  return (
    <View className='admin-save'>
      <AdminNotice id='item-notice' notice={notice} />
      <Button
        className={classNames('button button--primary', busy !== null && 'button--disabled')}
        id='item-save'
        disabled={busy !== null}
        onClick={() => void submit()}
      >
        {creating ? '创建商品' : '保存'}
      </Button>
    </View>
  )
}

function Editor({ itemId }: { itemId: string | null }) {
  const state = useCatalogueStore((store) => store.state)
  const load = useCatalogueStore((store) => store.load)
  const ensureLoaded = useCatalogueStore((store) => store.ensureLoaded)
  const open = useItemEditorStore((store) => store.open)
  // Until the effect below has opened this item, the form still holds the last one (or nothing).
  const formIsThisItems = useItemEditorStore((store) => store.openedFor === (itemId ?? NEW_ITEM))
  usePageData(ensureLoaded)
  const item = itemId === null ? null : selectItem(state, itemId)
  const ready = state.status === 'ready'
  // The form starts from the item once the list is here; later answers update it from the store.
  useEffect(() => {
    if (ready) open(itemId === null ? null : selectItem(useCatalogueStore.getState().state, itemId))
  }, [ready, itemId, open])
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='仅限品牌管理员编辑商品' />}>
      {() =>
        itemId !== null && item === null ? (
          <LoadState state='empty' message='没有这个商品' />
        ) : !formIsThisItems ? (
          <LoadState state='loading' />
        ) : (
          <>
            <ItemFields creating={item === null} />
            {item !== null && <ItemActions item={item} />}
            <SaveBar creating={item === null} />
          </>
        )
      }
    </Loaded>
  )
}

/** 编辑商品: an item's fields, each problem next to its field; its stock and sale status. Admins. */
export default function AdminItemPage() {
  const itemId = useRouteQuery('adminItem').id ?? null
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin']} refusal='仅限品牌管理员编辑商品'>
        {() => <Editor itemId={itemId} />}
      </AdminGate>
    </PageShell>
  )
}

import { Button, Text, View } from '@tarojs/components'
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
import { TextField } from '../../components/FormField'
import { NEW_STORE, useStoreEditorStore } from '../../stores/storeEditorStore'
import { selectStore, useStoreListStore } from '../../stores/storeListStore'
import type { StoreFormField } from '../../utils/storeForm'
import '../../admin.css'

const FIELDS: readonly { field: StoreFormField; label: string; placeholder: string }[] = [
  { field: 'name', label: '门店名称', placeholder: '小满咖啡 · 国贸店' },
  { field: 'address', label: '地址', placeholder: '北京市朝阳区建国门外大街 1 号' },
  { field: 'phone', label: '电话', placeholder: '010-6500 0001' },
  { field: 'hours', label: '营业时间', placeholder: '08:00-21:00' },
]

function TextInput({ field, label, placeholder }: { field: StoreFormField; label: string; placeholder: string }) {
  const value = useStoreEditorStore((store) => store.form[field])
  const error = useStoreEditorStore((store) => store.errors[field])
  const edit = useStoreEditorStore((store) => store.edit)
  const onInput = (text: string) => edit(field, text)
  return (
    <TextField
      id={`store-form-${field}`}
      label={label}
      value={value}
      error={error}
      placeholder={placeholder}
      onInput={onInput}
    />
  )
}

function SaveBar({ creating }: { creating: boolean }) {
  const busy = useStoreEditorStore((store) => store.busy)
  const notice = useStoreEditorStore((store) => store.notice)
  const save = useStoreEditorStore((store) => store.save)
  // A new store, once created, is edited at its own address: a second 保存 must update it, not create again.
  const submit = async () => {
    const store = await save()
    if (store !== null && creating) await redirect('adminStore', { id: store.id })
  }
  return (
    <View className='admin-save'>
      <AdminNotice id='store-notice' notice={notice} />
      <Button
        className={classNames('button button--primary', busy && 'button--disabled')}
        id='store-save'
        disabled={busy}
        onClick={() => void submit()}
      >
        {creating ? '创建门店' : '保存'}
      </Button>
    </View>
  )
}

function Editor({ storeId }: { storeId: string | null }) {
  const state = useStoreListStore((store) => store.state)
  const load = useStoreListStore((store) => store.load)
  const ensureLoaded = useStoreListStore((store) => store.ensureLoaded)
  const open = useStoreEditorStore((store) => store.open)
  const formIsThisStores = useStoreEditorStore((store) => store.openedFor === (storeId ?? NEW_STORE))
  usePageData(ensureLoaded)
  const ready = state.status === 'ready'
  const store = storeId === null ? null : selectStore(state, storeId)
  useEffect(() => {
    if (ready) open(storeId === null ? null : selectStore(useStoreListStore.getState().state, storeId))
  }, [ready, storeId, open])
  return (
    <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}>
      {(data) =>
        storeId !== null && store === null ? (
          <LoadState state='empty' message='没有这个门店' />
        ) : storeId === null && !data.canCreate ? (
          <LoadState state='empty' message='仅品牌管理员可以新建门店' />
        ) : !formIsThisStores ? (
          <LoadState state='loading' />
        ) : (
          <View className='admin-card'>
            {storeId === null && (
              <TextInput field='id' label='门店编号（字母、数字、- 和 _，最多 32 位）' placeholder='store-3' />
            )}
            {storeId !== null && <Text className='admin-card__note'>{`门店编号 ${storeId}`}</Text>}
            {FIELDS.map((field) => (
              <TextInput key={field.field} {...field} />
            ))}
            <SaveBar creating={storeId === null} />
          </View>
        )
      }
    </Loaded>
  )
}

/** 编辑门店: a store's name, address, phone and hours, each problem next to its field. Admins; managers their own. */
export default function AdminStorePage() {
  const storeId = useRouteQuery('adminStore').id ?? null
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {() => <Editor storeId={storeId} />}
      </AdminGate>
    </PageShell>
  )
}

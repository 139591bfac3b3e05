import type { StoreView } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { AdminGate } from '../../components/AdminGate'
import { useStoreListStore } from '../../stores/storeListStore'
import '../../admin.css'

function StoreRow({ store }: { store: StoreView }) {
  const details = [store.address, store.phone, store.hours].filter((detail) => detail !== '').join(' · ')
  return (
    <View className='admin-link' id={`admin-store-${store.id}`}>
      <View className='admin-link__text' onClick={() => void navigate('adminStore', { id: store.id })}>
        <Text className='admin-link__title'>{store.name}</Text>
        <Text className='admin-link__note'>{details === '' ? store.id : `${store.id} · ${details}`}</Text>
      </View>
      <Text
        className='admin-link__chevron'
        id={`admin-store-${store.id}-qr`}
        onClick={() => void navigate('adminStoreQr', { id: store.id })}
      >
        二维码
      </Text>
    </View>
  )
}

function StoreList() {
  const state = useStoreListStore((store) => store.state)
  const load = useStoreListStore((store) => store.load)
  usePageData(load)
  return (
    <Loaded
      state={state}
      onRetry={load}
      refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}
      empty={{ when: (data) => data.stores.length === 0, text: '还没有门店' }}
    >
      {(data) => (
        <>
          <View className='admin-links' id='admin-stores'>
            {data.stores.map((store) => (
              <StoreRow key={store.id} store={store} />
            ))}
          </View>
          {data.canCreate && (
            <Button
              className='button button--primary admin-create'
              id='admin-store-create'
              onClick={() => void navigate('adminStore')}
            >
              新建门店
            </Button>
          )}
        </>
      )}
    </Loaded>
  )
}

/** 门店: the stores (a manager's own), each opening its form or its join QR code; admins add stores. */
export default function AdminStoresPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {() => <StoreList />}
      </AdminGate>
    </PageShell>
  )
}

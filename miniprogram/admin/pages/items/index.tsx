import type { AdminItemView, StaffMe } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { navigate } from '@/navigation'
import { classNames } from '@/utils/classNames'
import { AdminGate } from '../../components/AdminGate'
import { useCatalogueStore } from '../../stores/catalogueStore'
import '../../admin.css'

const KIND_TEXT: Readonly<Record<AdminItemView['kind'], string>> = { pickup: '到店自提', coupon: '优惠券' }

function ItemRow({ item, editable }: { item: AdminItemView; editable: boolean }) {
  const retired = item.status === 'offSale'
  return (
    <View
      className={classNames('admin-link', retired && 'admin-item--retired')}
      id={`admin-item-${item.id}`}
      onClick={() => {
        if (editable) void navigate('adminItem', { id: item.id })
      }}
    >
      <View className='admin-link__text'>
        <Text className='admin-link__title'>{item.title}</Text>
        <Text className='admin-link__note'>{`${item.id} · ${KIND_TEXT[item.kind]} · ${item.pointsPrice} 积分`}</Text>
        <Text className='admin-link__note' id={`admin-item-${item.id}-stock`}>
          {`库存 ${item.stock} · 待取 ${item.held} · 已兑 ${item.sold}`}
        </Text>
      </View>
      <Text className={classNames('admin-item__status', retired && 'admin-item__status--retired')}>
        {retired ? '已下架' : '在售'}
      </Text>
    </View>
  )
}

function Catalogue({ staff }: { staff: StaffMe }) {
  const state = useCatalogueStore((store) => store.state)
  const load = useCatalogueStore((store) => store.load)
  usePageData(load)
  const editable = staff.role === 'admin'
  const create = editable && (
    <Button
      className='button button--primary admin-create'
      id='admin-item-create'
      onClick={() => void navigate('adminItem')}
    >
      新建商品
    </Button>
  )
  return (
    <>
      {!editable && <Text className='admin-card__note admin-read-only'>店长可查看商品，修改请联系品牌管理员</Text>}
      <Loaded
        state={state}
        onRetry={load}
        refused={<LoadState state='empty' message='仅限店长和品牌管理员使用' />}
        empty={{ when: (data) => data.items.length === 0, text: '还没有商品', action: create }}
      >
        {(data) => (
          <View className='admin-links' id='admin-items'>
            {data.items.map((item) => (
              <ItemRow key={item.id} item={item} editable={editable} />
            ))}
          </View>
        )}
      </Loaded>
      {state.status === 'ready' && state.data.items.length > 0 && create}
    </>
  )
}

/** 商品管理: every mall item, retired ones too, with its stock; admins open one to edit it or create one. */
export default function AdminItemsPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {(staff) => <Catalogue staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}

import type { AdminItemView } from '@shared/contracts'
import { Button, Input, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { FormField } from '../../components/FormField'
import { useItemEditorStore } from '../../stores/itemEditorStore'

/** An existing item's stock (adjusted by a conditional increment, never overwritten) and its sale status. */
export function ItemActions({ item }: { item: AdminItemView }) {
  const stockDelta = useItemEditorStore((store) => store.stockDelta)
  const stockError = useItemEditorStore((store) => store.stockError)
  const busy = useItemEditorStore((store) => store.busy)
  const setStockDelta = useItemEditorStore((store) => store.setStockDelta)
  const adjustStock = useItemEditorStore((store) => store.adjustStock)
  const setOnSale = useItemEditorStore((store) => store.setOnSale)
  const retired = item.status === 'offSale'
  return (
    <View className='admin-card admin-form' id='item-stock'>
      <Text className='admin-card__note' id='item-stock-figures'>
        {`库存 ${item.stock} · 待取 ${item.held} · 已兑 ${item.sold}`}
      </Text>
      <FormField label='调整库存' error={stockError} id='item-stock-delta'>
        <View className='admin-inline'>
          <Input
            className={classNames('admin-input', stockError && 'admin-input--invalid')}
            id='item-stock-delta'
            value={stockDelta}
            placeholder='正数补货，负数扣减'
            onInput={(event) => setStockDelta(event.detail.value)}
          />
          <Button
            className={classNames('button button--small', busy !== null && 'button--disabled')}
            id='item-stock-submit'
            disabled={busy !== null}
            onClick={() => void adjustStock(item.id)}
          >
            调整
          </Button>
        </View>
      </FormField>
      <Button
        className={classNames('button button--small', busy !== null && 'button--disabled')}
        id={retired ? 'item-restore' : 'item-retire'}
        disabled={busy !== null}
        onClick={() => void setOnSale(item.id, retired)}
      >
        {retired ? '恢复上架' : '下架'}
      </Button>
    </View>
  )
}

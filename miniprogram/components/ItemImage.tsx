import type { MallItemView } from '@shared/contracts'
import { Image, Text, View } from '@tarojs/components'
import { imageSourceOf } from '@/api/cloudFiles'
import './ItemImage.css'

/** A mall item's picture, or a placeholder saying what kind of thing it is (券 or 礼). */
export function ItemImage({ item, className }: { item: Pick<MallItemView, 'image' | 'kind'>; className: string }) {
  if (item.image !== null) return <Image className={className} src={imageSourceOf(item.image)} mode='aspectFill' />
  return (
    <View className={`${className} item-image-placeholder`}>
      <Text className='item-image-placeholder__mark'>{item.kind === 'coupon' ? '券' : '礼'}</Text>
    </View>
  )
}

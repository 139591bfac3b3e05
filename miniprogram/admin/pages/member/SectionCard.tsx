import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A titled card with its lines, or `empty` when it has none, and what follows them (加载更多). */
export function Section(props: {
  id: string
  title: string
  empty: string
  lines: readonly ReactNode[]
  children?: ReactNode
}) {
  return (
    <View className='admin-card' id={props.id}>
      <Text className='admin-card__title'>{props.title}</Text>
      {props.lines.length === 0 ? <Text className='admin-card__note'>{props.empty}</Text> : props.lines}
      {props.children}
    </View>
  )
}

export function Line({ id, text }: { id: string; text: string }) {
  return (
    <Text className='admin-card__note' id={id}>
      {text}
    </Text>
  )
}

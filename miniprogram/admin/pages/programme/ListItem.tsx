import { Button, Text, View } from '@tarojs/components'
import { type ReactNode, useContext } from 'react'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { type FieldPath, valueAt } from '../../utils/programmeForm'
import { ReadOnly } from './ProgrammeField'

/** The items of a list field (campaigns, streak bonuses); an empty list for none. */
export function useListItems(path: FieldPath): readonly unknown[] {
  return useProgrammeEditorStore((store) => {
    const value = valueAt(store.form, path)
    return Array.isArray(value) ? value : EMPTY
  })
}
const EMPTY: readonly unknown[] = []

/** One item of a list field with 删除. */
export function ListItem(props: { path: FieldPath; index: number; title: string; id: string; children: ReactNode }) {
  const items = useListItems(props.path)
  const edit = useProgrammeEditorStore((store) => store.edit)
  const readOnly = useContext(ReadOnly)
  return (
    <View className='admin-subcard' id={props.id}>
      <View className='admin-row'>
        <Text className='admin-card__note'>{props.title}</Text>
        {!readOnly && (
          <Text
            className='admin-link-text'
            id={`${props.id}-remove`}
            onClick={() =>
              edit(
                props.path,
                items.filter((_, index) => index !== props.index),
              )
            }
          >
            删除
          </Text>
        )}
      </View>
      {props.children}
    </View>
  )
}

/** 添加: appends a new item to a list field. */
export function AddItem(props: { path: FieldPath; id: string; text: string; item: () => unknown }) {
  const items = useListItems(props.path)
  const edit = useProgrammeEditorStore((store) => store.edit)
  if (useContext(ReadOnly)) return null
  return (
    <Button className='button' id={props.id} onClick={() => edit(props.path, [...items, props.item()])}>
      {props.text}
    </Button>
  )
}

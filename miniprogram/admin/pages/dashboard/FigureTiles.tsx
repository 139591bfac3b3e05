import { Text, View } from '@tarojs/components'
import { changeText, type FigureTile } from '../../utils/dashboardText'

/**
 * Tiles of figures, each with its change from the range before (`previous` null: nothing to compare
 * with). Element ids: `<idPrefix>-<tile>`, with `-value` and `-change`.
 */
export function FigureTiles<Source>(props: {
  id?: string
  idPrefix: string
  tiles: readonly FigureTile<Source>[]
  current: Source
  previous: Source | null
}) {
  return (
    <View className='admin-dashboard__tiles' {...(props.id === undefined ? {} : { id: props.id })}>
      {props.tiles.map((tile) => {
        const value = tile.read(props.current)
        const before = props.previous === null ? null : tile.read(props.previous)
        const id = `${props.idPrefix}-${tile.id}`
        return (
          <View key={tile.id} className='admin-dashboard__tile' id={id}>
            <Text className='admin-dashboard__label'>{tile.label}</Text>
            <Text className='admin-dashboard__value' id={`${id}-value`}>
              {value === null ? '—' : tile.format(value)}
            </Text>
            <Text className='admin-dashboard__change' id={`${id}-change`}>
              {changeText(value, before)}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

import type { DashboardResult } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { changeText, DASHBOARD_TILES } from '../../utils/dashboardText'

/** The range's figures as tiles, each with its change from the range before. */
export function DashboardTiles({ result }: { result: DashboardResult }) {
  return (
    <View className='admin-dashboard__tiles' id='dashboard-tiles'>
      {DASHBOARD_TILES.map((tile) => {
        const current = tile.read(result.current)
        const previous = tile.read(result.previous)
        return (
          <View key={tile.id} className='admin-dashboard__tile' id={`dashboard-tile-${tile.id}`}>
            <Text className='admin-dashboard__label'>{tile.label}</Text>
            <Text className='admin-dashboard__value' id={`dashboard-tile-${tile.id}-value`}>
              {current === null ? '—' : tile.format(current)}
            </Text>
            <Text className='admin-dashboard__change' id={`dashboard-tile-${tile.id}-change`}>
              {changeText(current, previous)}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

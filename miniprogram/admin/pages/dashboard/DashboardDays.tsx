import type { DashboardResult } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { Text, View } from '@tarojs/components'
import { dayLabel } from '../../utils/dashboardText'

/** The range day by day, newest first: new members, check-ins, purchases and their amount. */
export function DashboardDays({ result }: { result: DashboardResult }) {
  const days = [...result.current.days].reverse()
  return (
    <View className='admin-card' id='dashboard-days'>
      <Text className='admin-card__title'>每日明细</Text>
      <View className='admin-dashboard__row admin-dashboard__row--head'>
        <Text>日期</Text>
        <Text>新会员</Text>
        <Text>签到</Text>
        <Text>消费</Text>
        <Text>金额</Text>
      </View>
      {days.map(({ day, figures }) => (
        <View key={day} className='admin-dashboard__row' id={`dashboard-day-${day}`}>
          <Text>{dayLabel(day)}</Text>
          <Text>{figures.newMembers}</Text>
          <Text>{figures.checkIns}</Text>
          <Text>{figures.purchases}</Text>
          <Text>{formatFen(figures.purchaseAmountFen)}</Text>
        </View>
      ))}
    </View>
  )
}

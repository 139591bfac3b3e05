import type { DashboardResult } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { Choices } from '../../components/Choices'
import { TrendChart } from '../../components/charts/TrendChart'
import { useDashboardStore } from '../../stores/dashboardStore'
import { DASHBOARD_TRENDS, dashboardTrend, trendOf } from '../../utils/dashboardTrends'

const TREND_CHOICES = DASHBOARD_TRENDS.map((trend) => ({
  id: `dashboard-trend-${trend.id}`,
  value: trend.id,
  label: trend.label,
}))

/** 趋势: the range's days as a line chart of one series (or two: points earned and spent), with a switch between them. */
export function DashboardTrend({ result, onRetry }: { result: DashboardResult; onRetry: () => unknown }) {
  const trendId = useDashboardStore((store) => store.trendId)
  const chooseTrend = useDashboardStore((store) => store.chooseTrend)
  const state = useMemo(
    () => ({ status: 'ready' as const, data: trendOf(result.current.days, dashboardTrend(trendId)) }),
    [result, trendId],
  )
  return (
    <View className='admin-card' id='dashboard-trend'>
      <Text className='admin-card__title'>趋势</Text>
      <Choices id='dashboard-trends' choices={TREND_CHOICES} chosen={trendId} onChoose={chooseTrend} />
      <TrendChart id='dashboard-trend-chart' state={state} onRetry={onRetry} />
    </View>
  )
}

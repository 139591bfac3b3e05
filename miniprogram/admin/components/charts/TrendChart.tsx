import { type ChartProps, LoadedChart } from './LoadedChart'
import { isTrendEmpty, type TrendData, trendChartSpec } from './trendSpec'

/** A line chart of daily series; 所选时段暂无数据 when every value is zero. */
export function TrendChart(props: ChartProps<TrendData>) {
  return (
    <LoadedChart
      {...props}
      isEmpty={isTrendEmpty}
      specOf={trendChartSpec}
      emptyText={props.emptyText ?? '所选时段暂无数据'}
    />
  )
}

import { type DistributionItem, distributionChartSpec, isDistributionEmpty } from './distributionSpec'
import { type ChartProps, LoadedChart } from './LoadedChart'

/** A ring of counts by category (members per tier, `{label, value}`); 暂无数据 when every count is zero. */
export function DistributionChart(props: ChartProps<readonly DistributionItem[]>) {
  return (
    <LoadedChart
      {...props}
      isEmpty={isDistributionEmpty}
      specOf={distributionChartSpec}
      emptyText={props.emptyText ?? '暂无数据'}
    />
  )
}

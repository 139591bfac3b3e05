import { CHART_COLOURS, type ChartSpec } from './chartSpec'

/** One category of a distribution and how many it holds (members of a tier). */
export interface DistributionItem {
  readonly label: string
  readonly value: number
}

/** Nothing to draw: no category, or every count zero (a ring of nothing cannot be drawn). */
export function isDistributionEmpty(items: readonly DistributionItem[]): boolean {
  return items.every((item) => item.value === 0)
}

/** The ring chart of `items`: a slice per category in the given order, with its share, the legend under it. */
export function distributionChartSpec(items: readonly DistributionItem[]): ChartSpec {
  for (const item of items) {
    if (!Number.isFinite(item.value) || item.value < 0)
      throw new Error(`distribution item ${item.label} has the count ${item.value}`)
  }
  return {
    type: 'ring',
    series: items.map((item) => ({ name: item.label, data: item.value })),
    color: [...CHART_COLOURS],
    animation: false,
    background: '#FFFFFF',
    padding: [8, 8, 8, 8],
    dataLabel: true,
    legend: { show: true, position: 'bottom' },
    extra: {
      ring: {
        ringWidth: 24,
        activeOpacity: 0.5,
        offsetAngle: 0,
        labelWidth: 12,
        border: true,
        borderWidth: 2,
        borderColor: '#FFFFFF',
      },
    },
  }
}

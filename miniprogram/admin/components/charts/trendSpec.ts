import type { DayKey } from '@shared/time/calendarDay'
import { dayLabel } from '../../utils/dashboardText'
import { CHART_COLOURS, type ChartSpec } from './chartSpec'

/** One line of a trend chart: a value for each day of the chart, in the days' order. */
export interface TrendSeries {
  readonly name: string
  readonly values: readonly number[]
}

/** What a trend chart shows: its days, oldest first, and one or more lines over them. */
export interface TrendData {
  readonly days: readonly DayKey[]
  readonly series: readonly TrendSeries[]
}

/** The most day labels under a trend: more than this and they would run into each other on a phone. */
export const TREND_LABELS_MAX = 7

/** The value axis's intervals: few enough to read, and whole numbers of a nice step (1, 2, 5 × 10ⁿ). */
export const TREND_Y_SPLITS = 4

/** The smallest step of 1, 2 or 5 × 10ⁿ, at least 1, that covers `span` in `TREND_Y_SPLITS` intervals. */
function niceStep(span: number): number {
  const rough = Math.max(1, span / TREND_Y_SPLITS)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough - 1e-9)
  return step ?? 10 * magnitude
}

/**
 * The value axis: from zero (or below, for a negative value) up past the highest value, in whole steps,
 * so counts never read 0.20 member; uCharts' own range splits a maximum of 1 into fifths.
 */
export function trendAxisOf(values: readonly number[]): { readonly min: number; readonly max: number } {
  const highest = Math.max(0, ...values)
  const lowest = Math.min(0, ...values)
  for (let step = niceStep(highest - lowest); ; step = niceStep(step * TREND_Y_SPLITS * 2)) {
    const min = Math.floor(lowest / step) * step
    const max = min + step * TREND_Y_SPLITS
    if (max >= highest) return { min, max }
  }
}

/** Nothing to draw: no day, no line, or every value zero (a flat line at zero says less than 暂无数据). */
export function isTrendEmpty(data: TrendData): boolean {
  return data.days.length === 0 || data.series.every((series) => series.values.every((value) => value === 0))
}

/** The line chart of `data`: the days labelled 月-日 (some of them past a week), one coloured line per series. */
export function trendChartSpec(data: TrendData): ChartSpec {
  for (const series of data.series) {
    if (series.values.length !== data.days.length)
      throw new Error(`trend series ${series.name} has ${series.values.length} values for ${data.days.length} days`)
  }
  const axis = trendAxisOf(data.series.flatMap((series) => series.values))
  return {
    type: 'line',
    categories: data.days.map(dayLabel),
    series: data.series.map((series) => ({ name: series.name, data: [...series.values] })),
    color: [...CHART_COLOURS],
    animation: false,
    background: '#FFFFFF',
    padding: [16, 16, 8, 8],
    dataLabel: data.days.length <= TREND_LABELS_MAX,
    legend: { show: data.series.length > 1, position: 'top', float: 'left' },
    xAxis: {
      disableGrid: true,
      boundaryGap: 'justify',
      ...(data.days.length > TREND_LABELS_MAX ? { labelCount: TREND_LABELS_MAX } : {}),
    },
    yAxis: { gridType: 'dash', dashLength: 4, splitNumber: TREND_Y_SPLITS, data: [{ ...axis, tofix: 0 }] },
    extra: { line: { type: 'straight', width: 2 } },
  }
}

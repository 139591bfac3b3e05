import type { UChartsOptions } from '@qiun/ucharts'

/**
 * What a chart draws, short of where: uCharts' options without the context and the canvas size, which
 * only the drawing knows. Plain data, so the builders are tested without a canvas.
 */
export type ChartSpec = Omit<UChartsOptions, 'context' | 'width' | 'height' | 'pixelRatio'>

/** The admin console's palette (admin.css): the brand's brown first, then colours that stay apart from it. */
export const CHART_COLOURS = ['#8b5a2b', '#3c8dbc', '#e0a030', '#5aa469', '#c0504d', '#8064a2', '#4bacc6'] as const

/** The spec as uCharts may have it: it writes colours and points into the series it is given. */
export function copyOfSpec(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    series: spec.series.map((series) => ({
      ...series,
      data: typeof series.data === 'number' ? series.data : [...series.data],
    })),
  }
}

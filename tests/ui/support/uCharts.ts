import type { UChartsOptions } from '@qiun/ucharts'

/**
 * The charts drawn, oldest first, as uCharts was handed them: jsdom has no canvas to draw on, so the
 * stand-in only records, and tests read the series and labels a chart got. Tests empty it.
 */
export const drawnCharts: UChartsOptions[] = []

/** The uCharts stand-in: a chart is drawn when it is constructed. */
export default class UCharts {
  constructor(options: UChartsOptions) {
    drawnCharts.push(options)
  }
}

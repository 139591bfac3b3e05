/**
 * The slice of uCharts 2.5 (`@qiun/ucharts`, plain JavaScript, no types of its own) the admin charts
 * use: a chart is drawn once, when it is constructed, on the 2d context it is handed.
 */
declare module '@qiun/ucharts' {
  /** A line or bar: a value per category; a ring or pie slice: one value. uCharts writes into it (colours, points). */
  export interface UChartsSeries {
    name: string
    data: number | number[]
    color?: string
  }

  export interface UChartsOptions {
    readonly type: 'line' | 'column' | 'ring' | 'pie'
    readonly context: unknown
    /** In device pixels: the canvas's size times `pixelRatio`. */
    readonly width: number
    readonly height: number
    readonly pixelRatio: number
    readonly categories?: readonly string[]
    readonly series: UChartsSeries[]
    readonly animation?: boolean
    readonly background?: string
    readonly color?: readonly string[]
    readonly padding?: readonly number[]
    readonly fontSize?: number
    readonly dataLabel?: boolean
    readonly dataPointShape?: boolean
    readonly legend?: Readonly<Record<string, unknown>>
    readonly xAxis?: Readonly<Record<string, unknown>>
    readonly yAxis?: Readonly<Record<string, unknown>>
    readonly extra?: Readonly<Record<string, unknown>>
  }

  export default class UCharts {
    constructor(options: UChartsOptions)
  }
}

import type { DayFigures } from '@shared/stats/dashboard'
import type { StatFigures } from '@shared/stats/figures'
import type { TrendData } from '../components/charts/trendSpec'

/** A choice of the dashboard's trend chart: its lines, each a number read from a day's figures. */
export interface DashboardTrend {
  readonly id: string
  readonly label: string
  readonly lines: readonly { readonly name: string; readonly read: (figures: StatFigures) => number }[]
}

/** The trends the chart switches between, in the order the switch shows them. */
export const DASHBOARD_TRENDS = [
  { id: 'newMembers', label: '新会员', lines: [{ name: '新会员', read: (figures) => figures.newMembers }] },
  { id: 'checkIns', label: '签到', lines: [{ name: '签到', read: (figures) => figures.checkIns }] },
  {
    id: 'purchaseAmount',
    label: '消费金额',
    lines: [{ name: '消费金额（元）', read: (figures) => figures.purchaseAmountFen / 100 }],
  },
  {
    id: 'points',
    label: '积分发放/消耗',
    // Spent points are negative in the ledger; the chart shows how many, beside those earned.
    lines: [
      { name: '积分发放', read: (figures) => figures.pointsEarned },
      { name: '积分消耗', read: (figures) => 0 - figures.pointsSpent },
    ],
  },
] as const satisfies readonly DashboardTrend[]

export type DashboardTrendId = (typeof DASHBOARD_TRENDS)[number]['id']

export function dashboardTrend(id: DashboardTrendId): DashboardTrend {
  return DASHBOARD_TRENDS.find((trend) => trend.id === id) ?? DASHBOARD_TRENDS[0]
}

/** The trend's lines over the range's days, oldest day first. */
export function trendOf(days: readonly DayFigures[], trend: DashboardTrend): TrendData {
  return {
    days: days.map((day) => day.day),
    series: trend.lines.map((line) => ({ name: line.name, values: days.map((day) => line.read(day.figures)) })),
  }
}

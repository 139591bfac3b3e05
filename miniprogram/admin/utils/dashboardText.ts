import type { DashboardRange } from '@shared/contracts'
import { formatFen } from '@shared/money'
import type { DerivedFigures } from '@shared/stats/dashboard'
import type { StatFigure, StatFigures } from '@shared/stats/figures'

/** The ranges the dashboard offers, as the last N business days up to today. */
export const DASHBOARD_RANGES = [
  { id: 'dashboard-range-1', value: 1, label: '今天' },
  { id: 'dashboard-range-7', value: 7, label: '近 7 天' },
  { id: 'dashboard-range-30', value: 30, label: '近 30 天' },
] as const

export type DashboardDays = (typeof DASHBOARD_RANGES)[number]['value']

/** Besides the last N days: a range of two picked dates (`admin.dashboard {from, to}`). */
export const DASHBOARD_CUSTOM_RANGE = { id: 'dashboard-range-custom', value: 'custom', label: '自定义' } as const

export type DashboardPeriod = DashboardDays | typeof DASHBOARD_CUSTOM_RANGE.value

/** One tile of the dashboard: its label, and how it reads its source (a range's figures, a snapshot) as a number and as text. */
export interface FigureTile<Source> {
  readonly id: string
  readonly label: string
  readonly read: (source: Source) => number | null
  readonly format: (value: number) => string
}

export type DashboardTile = FigureTile<Pick<DashboardRange, 'total' | 'derived'>>

export const countText = (value: number) => value.toLocaleString('en')
const yuan = (value: number) => formatFen(value)
export const percentText = (value: number) => `${(value * 100).toFixed(1)}%`
/** Points spent and expired are negative in the ledger; the tiles show how many (`0 -`, not `-`: never a -0). */
const negated = (figure: StatFigure) => (range: { total: StatFigures }) => 0 - range.total[figure]
const figureOf = (figure: StatFigure) => (range: { total: StatFigures }) => range.total[figure]
const derived = (figure: keyof DerivedFigures) => (range: { derived: DerivedFigures }) => range.derived[figure]

/** The tiles, in the order the screen shows them. */
export const DASHBOARD_TILES: readonly DashboardTile[] = [
  { id: 'newMembers', label: '新会员', read: figureOf('newMembers'), format: countText },
  { id: 'checkIns', label: '签到', read: figureOf('checkIns'), format: countText },
  { id: 'purchases', label: '消费笔数', read: figureOf('purchases'), format: countText },
  { id: 'purchaseAmount', label: '消费金额', read: figureOf('purchaseAmountFen'), format: yuan },
  { id: 'averageTicket', label: '客单价', read: derived('averageTicketFen'), format: yuan },
  { id: 'pointsEarned', label: '积分发放', read: figureOf('pointsEarned'), format: countText },
  { id: 'pointsSpent', label: '积分消耗', read: negated('pointsSpent'), format: countText },
  { id: 'pointsExpired', label: '积分过期', read: negated('pointsExpired'), format: countText },
  { id: 'pointsOutstanding', label: '积分余额变化', read: derived('pointsOutstandingChange'), format: countText },
  { id: 'redemptions', label: '商城兑换', read: figureOf('redemptions'), format: countText },
  { id: 'couponsIssued', label: '发券', read: figureOf('couponsIssued'), format: countText },
  { id: 'couponsVerified', label: '核销', read: figureOf('couponsVerified'), format: countText },
  { id: 'verificationRate', label: '核销率', read: derived('verificationRate'), format: percentText },
]

/**
 * The change from the range before, as the tile's note: `较上期 +12.5%`, `较上期持平`, or, when the
 * range before had none to compare with, `上期无数据`.
 */
export function changeText(current: number | null, previous: number | null): string {
  if (current === null || previous === null || previous === 0) return current === previous ? '较上期持平' : '上期无数据'
  const change = (current - previous) / Math.abs(previous)
  if (Math.abs(change) < 0.0005) return '较上期持平'
  return `较上期 ${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}%`
}

/** A day as the trend table shows it: `11-23`. */
export function dayLabel(day: string): string {
  return day.slice(5)
}

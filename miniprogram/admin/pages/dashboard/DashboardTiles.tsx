import type { DashboardResult } from '@shared/contracts'
import { DASHBOARD_TILES } from '../../utils/dashboardText'
import { FigureTiles } from './FigureTiles'

/** The range's figures as tiles, each with its change from the range before. */
export function DashboardTiles({ result }: { result: DashboardResult }) {
  return (
    <FigureTiles
      id='dashboard-tiles'
      idPrefix='dashboard-tile'
      tiles={DASHBOARD_TILES}
      current={result.current}
      previous={result.previous}
    />
  )
}

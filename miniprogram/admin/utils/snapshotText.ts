import type { MemberSnapshotView } from '@shared/contracts'
import { formatFen } from '@shared/money'
import { RFM_GROUP_NAMES, RFM_GROUPS, type RfmGroup, type RfmThresholds } from '@shared/stats/rfm'

import { countText, type FigureTile, percentText } from './dashboardText'

/** One tile of the member snapshot: a level as the day closed, compared with the previous range's close. */
export type SnapshotTile = FigureTile<MemberSnapshotView>

export const SNAPSHOT_TILES: readonly SnapshotTile[] = [
  { id: 'members', label: '会员总数', read: (snapshot) => snapshot.figures.members, format: countText },
  { id: 'activeMembers', label: '活跃会员', read: (snapshot) => snapshot.figures.activeMembers, format: countText },
  {
    id: 'pointsOutstanding',
    label: '积分余额',
    read: (snapshot) => snapshot.figures.pointsOutstanding,
    format: countText,
  },
  { id: 'repeatRate', label: '复购率', read: (snapshot) => snapshot.repeatRate, format: percentText },
]

/** The RFM groups in table order, with their names. */
export const RFM_ROWS: readonly { readonly group: RfmGroup; readonly name: string }[] = RFM_GROUPS.map((group) => ({
  group,
  name: RFM_GROUP_NAMES[group],
}))

/** The thresholds a snapshot's groups were scored with, in a line: `近 30 天消费 · 2 次 · ¥200.00`. */
export function thresholdsText(thresholds: RfmThresholds): string {
  return `近 ${thresholds.recencyDays} 天有消费 · 消费 ${thresholds.frequency} 次及以上 · 累计 ${formatFen(thresholds.monetaryFen)} 及以上`
}

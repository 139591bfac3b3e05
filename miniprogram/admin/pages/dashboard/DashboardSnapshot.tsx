import type { DashboardSnapshots } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo } from 'react'
import { LoadState } from '@/components/LoadState'
import { selectTiers, useProgrammeStore } from '@/stores/programmeStore'
import { DistributionChart } from '../../components/charts/DistributionChart'
import { countText } from '../../utils/dashboardText'
import { RFM_ROWS, SNAPSHOT_TILES, thresholdsText } from '../../utils/snapshotText'
import { DashboardRfmThresholds } from './DashboardRfmThresholds'
import { FigureTiles } from './FigureTiles'

/** A table of label and count rows under a heading. */
function CountTable(props: { id: string; title: string; rows: readonly CountRow[] }) {
  return (
    <View className='admin-card' id={props.id}>
      <Text className='admin-card__title'>{props.title}</Text>
      {props.rows.map((row) => (
        <View key={row.key} className='admin-dashboard__row' id={`${props.id}-${row.key}`}>
          <Text>{row.label}</Text>
          <Text id={`${props.id}-${row.key}-count`}>{countText(row.count)}</Text>
        </View>
      ))}
    </View>
  )
}

type CountRow = { key: string; label: string; count: number }

/** 等级分布: the members per tier as a ring, beside the table of the same counts. */
function TierDistribution({ rows }: { rows: readonly CountRow[] }) {
  const state = useMemo(
    // Tiers nobody holds are in the table; a ring of them would only label slivers 0%.
    () => ({
      status: 'ready' as const,
      data: rows.filter((row) => row.count > 0).map((row) => ({ label: row.label, value: row.count })),
    }),
    [rows],
  )
  return (
    <View className='admin-card' id='dashboard-tier-distribution'>
      <Text className='admin-card__title'>等级分布</Text>
      <DistributionChart id='dashboard-tier-chart' state={state} onRetry={() => undefined} emptyText='还没有会员' />
    </View>
  )
}

/**
 * The members as the range's last day closed (`snapshotMembers`, once a day): totals beside the
 * previous range's close, members per tier (named from the programme) and per RFM group; admins set
 * the RFM thresholds here.
 */
export function DashboardSnapshot(props: { snapshots: DashboardSnapshots; canEditThresholds: boolean }) {
  const { current, previous, thresholds } = props.snapshots
  const tiers = useProgrammeStore(selectTiers)
  const ensureProgramme = useProgrammeStore((store) => store.ensureLoaded)
  const hasSnapshot = current !== null
  // Tier names only matter once there are members per tier to name.
  useEffect(() => {
    if (hasSnapshot) void ensureProgramme()
  }, [ensureProgramme, hasSnapshot])
  const editor = props.canEditThresholds && <DashboardRfmThresholds thresholds={thresholds} />
  if (current === null) {
    return (
      <View id='dashboard-snapshot'>
        <LoadState state='empty' message='会员快照尚未生成：每个营业日开始时统计前一天的会员' />
        {editor}
      </View>
    )
  }
  const tierRows: CountRow[] = [
    ...tiers.map((tier) => ({ key: tier.id, label: tier.name, count: current.figures.membersPerTier[tier.id] ?? 0 })),
    // A tier no longer in the programme still holds its members until their next review.
    ...Object.entries(current.figures.membersPerTier)
      .filter(([tierId]) => !tiers.some((tier) => tier.id === tierId))
      .map(([tierId, count]) => ({ key: tierId, label: tierId, count })),
  ]
  return (
    <View id='dashboard-snapshot'>
      <Text className='admin-dashboard__range' id='dashboard-snapshot-day'>
        会员快照 · 截至 {current.day} 日终
      </Text>
      <FigureTiles idPrefix='dashboard-snapshot' tiles={SNAPSHOT_TILES} current={current} previous={previous} />
      <TierDistribution rows={tierRows} />
      <CountTable id='dashboard-tiers' title='各等级会员' rows={tierRows} />
      <CountTable
        id='dashboard-rfm'
        title='RFM 分群'
        rows={RFM_ROWS.map((row) => ({ key: row.group, label: row.name, count: current.figures.rfm[row.group] }))}
      />
      <Text className='admin-card__note' id='dashboard-rfm-thresholds'>
        分群门槛：{thresholdsText(current.thresholds)}
      </Text>
      {editor}
    </View>
  )
}

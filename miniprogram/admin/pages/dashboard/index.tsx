import type { StaffMe } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { AdminGate } from '../../components/AdminGate'
import { type Choice, Choices } from '../../components/Choices'
import { StoreChoices, useStoreLabel } from '../../components/StoreChoices'
import { useDashboardStore } from '../../stores/dashboardStore'
import { DASHBOARD_CUSTOM_RANGE, DASHBOARD_RANGES, type DashboardPeriod } from '../../utils/dashboardText'
import { DashboardCustomRange } from './DashboardCustomRange'
import { DashboardDays } from './DashboardDays'
import { DashboardSnapshot } from './DashboardSnapshot'
import { DashboardTiles } from './DashboardTiles'
import { DashboardTrend } from './DashboardTrend'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

const PERIOD_CHOICES: readonly Choice<DashboardPeriod>[] = [...DASHBOARD_RANGES, DASHBOARD_CUSTOM_RANGE]

function ChosenStore() {
  const storeId = useDashboardStore((store) => store.storeId)
  const chooseStore = useDashboardStore((store) => store.chooseStore)
  return <StoreChoices id='dashboard-store' chosen={storeId} onChoose={(id) => void chooseStore(id)} />
}

function DashboardScreen({ staff }: { staff: StaffMe }) {
  const state = useDashboardStore((store) => store.state)
  const period = useDashboardStore((store) => store.period)
  const load = useDashboardStore((store) => store.load)
  const reset = useDashboardStore((store) => store.reset)
  const choosePeriod = useDashboardStore((store) => store.choosePeriod)
  usePageData(load, reset)
  const storeLabel = useStoreLabel(staff)
  return (
    <View className='admin-dashboard'>
      <View className='admin-card'>
        <Choices
          id='dashboard-ranges'
          choices={PERIOD_CHOICES}
          chosen={period}
          onChoose={(value) => void choosePeriod(value)}
        />
        {period === 'custom' && <DashboardCustomRange />}
        {staff.role === 'admin' && <ChosenStore />}
        <Text className='admin-card__note'>数据每 10 分钟汇总一次；与上一个同样长的时段相比。</Text>
      </View>
      <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message={REFUSAL} />}>
        {(result) => (
          <>
            <Text className='admin-dashboard__range' id='dashboard-range'>
              {storeLabel(result.storeId)} · {result.current.range.from} 至 {result.current.range.to}
            </Text>
            <DashboardTiles result={result} />
            <DashboardTrend result={result} onRetry={load} />
            <DashboardSnapshot snapshots={result.snapshots} canEditThresholds={staff.role === 'admin'} />
            <DashboardDays result={result} />
          </>
        )}
      </Loaded>
    </View>
  )
}

/** 数据看板: members, check-ins, purchases, points and coupons by day, for the chain or a store, beside the range before. */
export default function AdminDashboardPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {(staff) => <DashboardScreen staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}

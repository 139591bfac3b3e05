import type { StaffMe } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { AdminGate } from '../../components/AdminGate'
import { useProgrammeEditorStore } from '../../stores/programmeEditorStore'
import { CampaignsSection } from './CampaignsSection'
import { CheckInSection } from './CheckInSection'
import { DryRunPanel } from './DryRunPanel'
import { EarningSection } from './EarningSection'
import { ExpirySection } from './ExpirySection'
import { ReadOnly } from './ProgrammeField'
import { ProgrammeNotice, PublishBar } from './PublishBar'
import { TiersSection } from './TiersSection'
import { VersionsList } from './VersionsList'
import '../../admin.css'

function DraftStatus() {
  const state = useProgrammeEditorStore((store) => store.state)
  if (state.status !== 'ready') return null
  const { draft, liveVersion } = state.data
  return (
    <Text className='admin-card__note' id='programme-status'>
      {draft === null
        ? `当前为第 ${liveVersion} 版，没有未发布的草稿`
        : `草稿（基于第 ${draft.basedOnVersion} 版，${draft.saved.name} 保存）· 当前为第 ${liveVersion} 版`}
    </Text>
  )
}

function Editor({ staff }: { staff: StaffMe }) {
  const state = useProgrammeEditorStore((store) => store.state)
  const load = useProgrammeEditorStore((store) => store.load)
  usePageData(load)
  const readOnly = staff.role !== 'admin'
  return (
    <ReadOnly.Provider value={readOnly}>
      <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message='仅限店长和品牌管理员查看' />}>
        {() => (
          <View id='programme-editor'>
            <DraftStatus />
            {readOnly && (
              <Text className='admin-card__note' id='programme-read-only'>
                店长只能查看会员规则，修改请联系品牌管理员
              </Text>
            )}
            <TiersSection />
            <EarningSection />
            <CampaignsSection />
            <CheckInSection />
            <ExpirySection />
            <DryRunPanel />
            {readOnly ? <ProgrammeNotice /> : <PublishBar />}
            <VersionsList />
          </View>
        )}
      </Loaded>
    </ReadOnly.Provider>
  )
}

/** 会员规则: the programme's draft by section, 试算, 发布 and 历史版本. Admins edit; managers read. */
export default function AdminProgrammePage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal='仅限店长和品牌管理员使用'>
        {(staff) => <Editor staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}

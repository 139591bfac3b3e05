import type { StaffMe } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { Loaded } from '@/components/Loaded'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { AdminGate } from '../../components/AdminGate'
import { AdminNotice } from '../../components/AdminNotice'
import { Choices } from '../../components/Choices'
import { FormField, TextField } from '../../components/FormField'
import { StoreChoices, useStoreLabel } from '../../components/StoreChoices'
import { useExportsStore } from '../../stores/exportsStore'
import { EXPORT_KIND_CHOICES } from '../../utils/exportText'
import { ExportList } from './ExportList'
import '../../admin.css'

const REFUSAL = '仅限店长和品牌管理员使用'

function ChosenStore() {
  const storeId = useExportsStore((store) => store.form.storeId)
  const edit = useExportsStore((store) => store.edit)
  return (
    <FormField label='门店' error={null} id='export-stores'>
      <StoreChoices id='export-store' chosen={storeId} onChoose={(id) => edit('storeId', id)} />
    </FormField>
  )
}

function ExportFormCard({ staff }: { staff: StaffMe }) {
  const form = useExportsStore((store) => store.form)
  const errors = useExportsStore((store) => store.errors)
  const busy = useExportsStore((store) => store.busy)
  const notice = useExportsStore((store) => store.notice)
  const edit = useExportsStore((store) => store.edit)
  const request = useExportsStore((store) => store.request)
  const rangeNote = form.kind === 'ledger' ? '营业日，最多 92 天' : '按加入日期筛选，留空为全部会员'
  return (
    <View className='admin-card' id='export-form'>
      <FormField label='导出内容' error={errors.kind} id='export-kind'>
        <Choices
          id='export-kinds'
          choices={EXPORT_KIND_CHOICES}
          chosen={form.kind}
          onChoose={(kind) => edit('kind', kind)}
        />
      </FormField>
      <TextField
        id='export-from'
        label='开始日期'
        value={form.from}
        error={errors.from}
        placeholder='YYYY-MM-DD'
        onInput={(text) => edit('from', text)}
      />
      <TextField
        id='export-to'
        label='结束日期'
        value={form.to}
        error={errors.to}
        placeholder='YYYY-MM-DD'
        onInput={(text) => edit('to', text)}
      />
      <Text className='admin-card__note'>{rangeNote}</Text>
      {staff.role === 'admin' ? (
        <ChosenStore />
      ) : (
        <Text className='admin-card__note' id='export-own-store'>
          导出本店（{staff.storeName ?? staff.storeId}）的数据，手机号隐藏中间四位
        </Text>
      )}
      <Button className='button button--primary' id='export-submit' disabled={busy} onClick={() => void request()}>
        {busy ? '正在导出…' : '导出'}
      </Button>
      {errors.form && (
        <Text className='admin-field__error' id='export-form-error'>
          {errors.form}
        </Text>
      )}
      <AdminNotice id='export-notice' notice={notice} />
    </View>
  )
}

function ExportsScreen({ staff }: { staff: StaffMe }) {
  const state = useExportsStore((store) => store.state)
  const load = useExportsStore((store) => store.load)
  const reset = useExportsStore((store) => store.reset)
  usePageData(load, reset)
  const storeName = useStoreLabel(staff)
  return (
    <View className='admin-exports'>
      <ExportFormCard staff={staff} />
      <View className='admin-section-head'>
        <Text className='admin-section-head__title'>导出记录</Text>
        <Text className='admin-link-text' id='exports-refresh' onClick={() => void load()}>
          刷新
        </Text>
      </View>
      <Text className='admin-dashboard__range'>文件保留 7 天；下载链接 2 小时内有效，刷新后重新生成。</Text>
      <Loaded state={state} onRetry={load} refused={<LoadState state='empty' message={REFUSAL} />}>
        {(exports) => <ExportList exports={exports} storeName={storeName} />}
      </Loaded>
    </View>
  )
}

/** 导出: members or the points ledger of a range as CSV (Excel opens it), for the chain or a store, to download. */
export default function AdminExportsPage() {
  return (
    <PageShell className='admin-page'>
      <AdminGate roles={['admin', 'manager']} refusal={REFUSAL}>
        {(staff) => <ExportsScreen staff={staff} />}
      </AdminGate>
    </PageShell>
  )
}

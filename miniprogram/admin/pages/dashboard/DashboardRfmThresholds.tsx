import type { RfmThresholds } from '@shared/stats/rfm'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { classNames } from '@/utils/classNames'
import { AdminNotice } from '../../components/AdminNotice'
import { TextField } from '../../components/FormField'
import { useRfmThresholdsStore } from '../../stores/rfmThresholdsStore'
import type { RfmThresholdsForm } from '../../utils/rfmThresholdsForm'

const FIELDS: readonly { field: keyof RfmThresholdsForm; label: string }[] = [
  { field: 'recencyDays', label: '最近消费（天内）' },
  { field: 'frequency', label: '消费次数（次及以上）' },
  { field: 'monetaryYuan', label: '累计消费（元及以上）' },
]

/** The RFM thresholds form (admins): what counts as recent, frequent and high spending. */
export function DashboardRfmThresholds({ thresholds }: { thresholds: RfmThresholds }) {
  const { form, errors, busy, notice, open, edit, save } = useRfmThresholdsStore()
  useEffect(() => open(thresholds), [open, thresholds])
  return (
    <View className='admin-card' id='dashboard-rfm-form'>
      <Text className='admin-card__title'>RFM 分群门槛</Text>
      {FIELDS.map(({ field, label }) => (
        <TextField
          key={field}
          id={`rfm-${field}`}
          label={label}
          value={form[field]}
          error={errors[field]}
          onInput={(text) => edit(field, text)}
        />
      ))}
      <View className='admin-save'>
        <AdminNotice id='rfm-notice' notice={notice} />
        <Button
          className={classNames('button button--primary', busy && 'button--disabled')}
          id='rfm-save'
          disabled={busy}
          onClick={() => void save()}
        >
          保存门槛
        </Button>
      </View>
    </View>
  )
}

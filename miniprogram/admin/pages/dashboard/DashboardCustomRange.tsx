import { Picker, Text, View } from '@tarojs/components'
import { classNames } from '@/utils/classNames'
import { type CustomRange, useDashboardStore } from '../../stores/dashboardStore'

const END_LABELS: Readonly<Record<keyof CustomRange, string>> = { from: '开始日期', to: '结束日期' }

function DayPicker({ end }: { end: keyof CustomRange }) {
  const custom = useDashboardStore((store) => store.custom)
  const invalid = useDashboardStore((store) => store.customError !== null)
  const pickCustomDay = useDashboardStore((store) => store.pickCustomDay)
  const day = custom[end]
  // A picker opens on its own date, or on the other end's while it has none (on today with neither).
  const opensOn = day || custom.from || custom.to
  return (
    <Picker
      mode='date'
      id={`dashboard-custom-${end}`}
      value={opensOn}
      onChange={(event) => void pickCustomDay(end, event.detail.value)}
    >
      <Text
        className={classNames('admin-input', invalid && 'admin-input--invalid')}
        id={`dashboard-custom-${end}-value`}
      >
        {day === '' ? `${END_LABELS[end]} ›` : day}
      </Text>
    </Picker>
  )
}

/** 自定义: two date pickers, and why the range they make cannot be shown (the end before the start, too long). */
export function DashboardCustomRange() {
  const customError = useDashboardStore((store) => store.customError)
  return (
    <View className='admin-dashboard__custom' id='dashboard-custom'>
      <View className='admin-dashboard__custom-days'>
        <DayPicker end='from' />
        <Text>至</Text>
        <DayPicker end='to' />
      </View>
      {customError !== null && (
        <Text className='admin-field__error' id='dashboard-custom-error'>
          {customError}
        </Text>
      )}
    </View>
  )
}

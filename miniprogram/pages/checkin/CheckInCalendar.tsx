import type { CalendarDay, CheckInStatus } from '@shared/contracts'
import { Text, View } from '@tarojs/components'
import { canShowNextMonth } from '@/stores/checkInStore'
import { formatMonth } from '@/utils/formatTime'

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'] as const

function dayClassName(day: CalendarDay, makeupEnabled: boolean): string {
  const modifiers = [
    day.checked && 'checked',
    day.isToday && 'today',
    day.isFuture && 'future',
    makeupEnabled && day.canMakeUp && 'makeup',
  ].filter(Boolean)
  return ['checkin-day', ...modifiers.map((modifier) => `checkin-day--${modifier}`)].join(' ')
}

/** The month's days: checked, today, future, and those a makeup can still fill (tappable). */
function Calendar({ calendar, onMakeup }: { calendar: CheckInStatus; onMakeup: (day: CalendarDay) => void }) {
  const makeupEnabled = calendar.makeup.enabled && calendar.makeup.remainingThisMonth > 0
  return (
    <View className='checkin-calendar' id='checkin-calendar'>
      {WEEKDAY_NAMES.map((name) => (
        <Text key={name} className='checkin-calendar__weekday'>
          {name}
        </Text>
      ))}
      {Array.from({ length: calendar.leadingBlankDays }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have nothing but their position
        <View key={`blank-${index}`} className='checkin-day checkin-day--blank' />
      ))}
      {calendar.days.map((day) => (
        <View
          key={day.day}
          id={`checkin-day-${day.day}`}
          className={dayClassName(day, makeupEnabled)}
          {...(makeupEnabled && day.canMakeUp ? { onClick: () => onMakeup(day) } : {})}
        >
          <Text className='checkin-day__number'>{day.isToday ? '今' : day.dayOfMonth}</Text>
          {day.checked && <Text className='checkin-day__mark'>✓</Text>}
          {!day.checked && makeupEnabled && day.canMakeUp && <Text className='checkin-day__mark'>补</Text>}
        </View>
      ))}
    </View>
  )
}

function makeupInfoText(makeup: CheckInStatus['makeup']): string {
  if (makeup.remainingThisMonth <= 0) return '本月补签次数已用完'
  const cost = makeup.costPoints > 0 ? `，每次 ${makeup.costPoints} 积分` : ''
  return `点击带「补」的日期可补签${cost}，本月还可补签 ${makeup.remainingThisMonth} 次`
}

/** The month on screen: its title with the ways to the month before and after, its calendar and the makeup rules. */
export function CheckInMonth(props: {
  calendar: CheckInStatus
  onShowMonth: (step: -1 | 1) => void
  onMakeup: (day: CalendarDay) => void
}) {
  const { calendar, onShowMonth } = props
  return (
    <View className='checkin-month'>
      <View className='checkin-month__header'>
        <View className='checkin-month__nav' id='checkin-prev-month' onClick={() => onShowMonth(-1)}>
          <Text>‹ 上月</Text>
        </View>
        <Text className='checkin-month__title' id='checkin-month'>
          {formatMonth(calendar.month)}
        </Text>
        <View
          className={`checkin-month__nav${canShowNextMonth(calendar) ? '' : ' checkin-month__nav--disabled'}`}
          id='checkin-next-month'
          onClick={() => onShowMonth(1)}
        >
          <Text>下月 ›</Text>
        </View>
      </View>
      <Calendar calendar={calendar} onMakeup={props.onMakeup} />
      {calendar.makeup.enabled && (
        <Text className='checkin-month__makeup' id='checkin-makeup-info'>
          {makeupInfoText(calendar.makeup)}
        </Text>
      )}
    </View>
  )
}

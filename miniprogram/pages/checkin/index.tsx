import type { CalendarDay, CheckInResult, CheckInStatus } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { LoadState } from '@/components/LoadState'
import { PageShell } from '@/components/PageShell'
import { canShowNextMonth, useCheckInStore } from '@/stores/checkInStore'
import { classNames } from '@/utils/classNames'
import { formatMonth, formatMonthDay } from '@/utils/formatTime'
import './index.css'

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

/**
 * `inDays` counts days from today (0: today's check-in pays the bonus), so the check-ins still
 * needed include today's when the member has not checked in yet.
 */
function nextRewardText(calendar: CheckInStatus): string | null {
  const reward = calendar.nextReward
  if (reward === null) return null
  if (reward.inDays <= 0 && !calendar.checkedInToday) return `今日签到可得 ${reward.points} 积分`
  const checkInsNeeded = reward.inDays + (calendar.checkedInToday ? 0 : 1)
  return `再签 ${checkInsNeeded} 天可得 ${reward.points} 积分`
}

function resultText(result: CheckInResult & { kind: 'checkIn' | 'makeup' }): string {
  const what = result.kind === 'makeup' ? `补签 ${formatMonthDay(result.day)} 成功` : '签到成功'
  const growth = result.growth > 0 ? `、${result.growth} 成长值` : ''
  const upgrade = result.upgradedTo === null ? '' : `，升级为${result.upgradedTo.name}`
  return `${what}，获得 ${result.points} 积分${growth}${upgrade}`
}

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
          onClick={makeupEnabled && day.canMakeUp ? () => onMakeup(day) : undefined}
        >
          <Text className='checkin-day__number'>{day.isToday ? '今' : day.dayOfMonth}</Text>
          {day.checked && <Text className='checkin-day__mark'>✓</Text>}
          {!day.checked && makeupEnabled && day.canMakeUp && <Text className='checkin-day__mark'>补</Text>}
        </View>
      ))}
    </View>
  )
}

/** Daily check-in: today's button, the streak, the next streak reward and the month's calendar. */
export default function CheckInPage() {
  const state = useCheckInStore((store) => store.state)
  const busy = useCheckInStore((store) => store.busy)
  const lastResult = useCheckInStore((store) => store.lastResult)
  const load = useCheckInStore((store) => store.load)
  const showMonth = useCheckInStore((store) => store.showMonth)
  const checkIn = useCheckInStore((store) => store.checkIn)
  const makeup = useCheckInStore((store) => store.makeup)
  const reset = useCheckInStore((store) => store.reset)

  useEffect(() => {
    void load()
    return reset
  }, [load, reset])

  async function onCheckIn() {
    const answer = await checkIn()
    if (!answer.ok) await Taro.showToast({ title: answer.message, icon: 'none' })
  }

  async function onMakeup(day: CalendarDay, calendar: CheckInStatus) {
    const cost = calendar.makeup.costPoints
    const { confirm } = await Taro.showModal({
      title: '补签',
      content: `补签 ${formatMonthDay(day.day)}${cost > 0 ? `需消耗 ${cost} 积分` : ''}，本月还可补签 ${calendar.makeup.remainingThisMonth} 次。`,
      confirmText: '确认补签',
    })
    if (!confirm) return
    const answer = await makeup(day.day)
    if (!answer.ok) await Taro.showToast({ title: answer.message, icon: 'none' })
  }

  if (state.status === 'error') {
    return (
      <PageShell className='checkin-page'>
        <LoadState state='error' message={state.message} onRetry={() => void load(state.month)} />
      </PageShell>
    )
  }
  if (state.status !== 'ready') {
    return (
      <PageShell className='checkin-page'>
        <LoadState state='loading' />
      </PageShell>
    )
  }
  const { calendar } = state
  const reward = nextRewardText(calendar)
  return (
    <PageShell className='checkin-page'>
      <View className='checkin-hero'>
        <Text className='checkin-hero__streak' id='checkin-streak'>
          {`已连续签到 ${calendar.streak} 天`}
        </Text>
        {reward !== null && (
          <Text className='checkin-hero__reward' id='checkin-next-reward'>
            {reward}
          </Text>
        )}
        <Button
          className={classNames(
            'button button--accent checkin-hero__button',
            (calendar.checkedInToday || busy) && 'button--disabled',
          )}
          id='checkin-button'
          disabled={calendar.checkedInToday || busy}
          onClick={onCheckIn}
        >
          {calendar.checkedInToday ? '今日已签到' : `签到领 ${calendar.todayPoints} 积分`}
        </Button>
        {lastResult !== null && (
          <Text className='checkin-hero__result' id='checkin-result'>
            {resultText(lastResult)}
          </Text>
        )}
      </View>
      <View className='checkin-month'>
        <View className='checkin-month__header'>
          <View className='checkin-month__nav' id='checkin-prev-month' onClick={() => void showMonth(-1)}>
            <Text>‹ 上月</Text>
          </View>
          <Text className='checkin-month__title' id='checkin-month'>
            {formatMonth(calendar.month)}
          </Text>
          <View
            className={`checkin-month__nav${canShowNextMonth(calendar) ? '' : ' checkin-month__nav--disabled'}`}
            id='checkin-next-month'
            onClick={() => void showMonth(1)}
          >
            <Text>下月 ›</Text>
          </View>
        </View>
        <Calendar calendar={calendar} onMakeup={(day) => void onMakeup(day, calendar)} />
        {calendar.makeup.enabled && (
          <Text className='checkin-month__makeup' id='checkin-makeup-info'>
            {calendar.makeup.remainingThisMonth > 0
              ? `点击带「补」的日期可补签${calendar.makeup.costPoints > 0 ? `，每次 ${calendar.makeup.costPoints} 积分` : ''}，本月还可补签 ${calendar.makeup.remainingThisMonth} 次`
              : '本月补签次数已用完'}
          </Text>
        )}
      </View>
    </PageShell>
  )
}

import type { CheckInResult, CheckInStatus } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import { MessageOptIn } from '@/components/MessageOptIn'
import { classNames } from '@/utils/classNames'
import { formatMonthDay } from '@/utils/formatTime'

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

/** The streak, the next streak reward, today's button and what the last check-in or makeup gave. */
export function CheckInHero(props: {
  calendar: CheckInStatus
  busy: boolean
  lastResult: (CheckInResult & { kind: 'checkIn' | 'makeup' }) | null
  onCheckIn: () => void
}) {
  const { calendar, busy, lastResult } = props
  const reward = nextRewardText(calendar)
  const disabled = calendar.checkedInToday || busy
  return (
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
        className={classNames('button button--accent checkin-hero__button', disabled && 'button--disabled')}
        id='checkin-button'
        disabled={disabled}
        onClick={props.onCheckIn}
      >
        {calendar.checkedInToday ? '今日已签到' : `签到领 ${calendar.todayPoints} 积分`}
      </Button>
      {lastResult !== null && (
        <Text className='checkin-hero__result' id='checkin-result'>
          {resultText(lastResult)}
        </Text>
      )}
      {lastResult !== null && <MessageOptIn keys={['pointsExpiry']} label='积分到期提醒我' id='checkin-opt-in' />}
    </View>
  )
}

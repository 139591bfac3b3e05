import type { CalendarDay, CheckInStatus } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { Loaded } from '@/components/Loaded'
import { PageShell } from '@/components/PageShell'
import { usePageData } from '@/hooks/usePageData'
import { useCheckInStore } from '@/stores/checkInStore'
import { formatMonthDay } from '@/utils/formatTime'
import { CheckInMonth } from './CheckInCalendar'
import { CheckInHero } from './CheckInHero'
import './index.css'

/** Daily check-in: today's button, the streak, the next streak reward and the month's calendar. */
export default function CheckInPage() {
  const state = useCheckInStore((store) => store.state)
  const busy = useCheckInStore((store) => store.busy)
  const lastResult = useCheckInStore((store) => store.lastResult)
  const refresh = useCheckInStore((store) => store.refresh)
  const showMonth = useCheckInStore((store) => store.showMonth)
  const checkIn = useCheckInStore((store) => store.checkIn)
  const makeup = useCheckInStore((store) => store.makeup)
  usePageData(
    refresh,
    useCheckInStore((store) => store.reset),
  )

  async function onCheckIn() {
    const answer = await checkIn()
    if (answer === null) return
    await Taro.showToast(answer.ok ? { title: '签到成功', icon: 'success' } : { title: answer.message, icon: 'none' })
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
    if (answer !== null && !answer.ok) await Taro.showToast({ title: answer.message, icon: 'none' })
  }

  return (
    <PageShell className='checkin-page'>
      <Loaded state={state} onRetry={refresh}>
        {(calendar) => (
          <>
            <CheckInHero calendar={calendar} busy={busy} lastResult={lastResult} onCheckIn={() => void onCheckIn()} />
            <CheckInMonth
              calendar={calendar}
              onShowMonth={(step) => void showMonth(step)}
              onMakeup={(day) => void onMakeup(day, calendar)}
            />
          </>
        )}
      </Loaded>
    </PageShell>
  )
}

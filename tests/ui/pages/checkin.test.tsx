import type { CheckInResult } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import CheckInPage from '@/pages/checkin/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { calendarOf } from '../support/fixtures'
import { resetStores } from '../support/stores'

const TODAY = '2026-05-13'
const before = calendarOf({ month: '2026-05', today: TODAY, checkedDays: ['2026-05-11', '2026-05-12'] })
const after = calendarOf({
  month: '2026-05',
  today: TODAY,
  checkedDays: ['2026-05-11', '2026-05-12', TODAY],
  overrides: { streak: 3, nextReward: { inDays: 4, cycleDay: 7, points: 35, growth: 6 }, todayPoints: 5 },
})
const result: CheckInResult = { day: TODAY, streak: 3, points: 15, growth: 1, balance: 1295, upgradedTo: null }

function statusCalls(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls.filter(([options]) => options.data.action === 'status').map(([o]) => o.data.input)
}

/** The calendar before today's check-in, and after it once `checkin.checkIn` has answered. */
function checkInAnswers(): jest.Mock {
  let checkedIn = false
  return answerCloudFunctions({
    'checkin.status': async () => ({ ok: true, data: checkedIn ? after : before }),
    'checkin.checkIn': async () => {
      checkedIn = true
      return { ok: true, data: result }
    },
  })
}

describe('the check-in page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state until the calendar arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'checkin.status': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<CheckInPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: before }))
    expect(container.querySelector('#checkin-calendar')).not.toBeNull()
  })

  it('lays the month out Monday first, with checked days and today marked', async () => {
    answerCloudFunctions({ 'checkin.status': { ok: true, data: before } })
    const { container } = render(<CheckInPage />)
    await screen.findByText('已连续签到 2 天')
    const weekdays = [...container.querySelectorAll('.checkin-calendar__weekday')].map((cell) => cell.textContent)
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    // 1 May 2026 is a Friday: four blank cells (Mon–Thu) come first.
    expect(container.querySelectorAll('.checkin-day--blank')).toHaveLength(4)
    expect(container.querySelectorAll('.checkin-day:not(.checkin-day--blank)')).toHaveLength(31)
    expect(container.querySelector('#checkin-day-2026-05-12')?.className).toContain('checkin-day--checked')
    expect(container.querySelector('#checkin-day-2026-05-10')?.className).not.toContain('checkin-day--checked')
    expect(container.querySelector(`#checkin-day-${TODAY}`)?.className).toContain('checkin-day--today')
    expect(container.querySelector('#checkin-day-2026-05-20')?.className).toContain('checkin-day--future')
    expect(container.querySelector('#checkin-month')?.textContent).toBe('2026年5月')
    expect(container.querySelector('#checkin-next-reward')?.textContent).toBe('今日签到可得 15 积分')
  })

  it('checks in with one tap, shows what it gave, and disables the button for the rest of the day', async () => {
    const callFunction = checkInAnswers()
    const { container } = render(<CheckInPage />)
    const button = (await screen.findByText('签到领 15 积分')) as HTMLButtonElement
    expect(button.disabled).toBe(false)
    expect(button.className).not.toContain('button--disabled')
    fireEvent.click(button)
    await screen.findByText('今日已签到')
    expect((container.querySelector('#checkin-button') as HTMLButtonElement).disabled).toBe(true)
    expect(container.querySelector('#checkin-button')?.className).toContain('button--disabled')
    expect(container.querySelector('#checkin-result')?.textContent).toBe('签到成功，获得 15 积分、1 成长值')
    expect(container.querySelector('#checkin-streak')?.textContent).toBe('已连续签到 3 天')
    expect(container.querySelector('#checkin-next-reward')?.textContent).toBe('再签 4 天可得 35 积分')
    expect(container.querySelector(`#checkin-day-${TODAY}`)?.className).toContain('checkin-day--checked')
    expect(callFunction).toHaveBeenCalledWith({ name: 'checkin', data: { action: 'checkIn', input: {} } })
  })

  it('sends one check-in for five taps landing before the page re-renders, and says 签到成功 once', async () => {
    const callFunction = checkInAnswers()
    render(<CheckInPage />)
    const button = (await screen.findByText('签到领 15 积分')) as HTMLButtonElement
    // Inside one act nothing re-renders between the taps, so the button is still enabled for all five.
    await act(async () => {
      for (let tap = 0; tap < 5; tap += 1) button.click()
    })
    await screen.findByText('今日已签到')
    const checkIns = callFunction.mock.calls.filter(([options]) => options.data.action === 'checkIn')
    expect(checkIns).toHaveLength(1)
    expect(Taro.showToast).toHaveBeenCalledTimes(1)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '签到成功', icon: 'success' })
  })

  it('tells a member who already checked in (another device, a double tap) and shows the day as done', async () => {
    let checkedIn = false
    answerCloudFunctions({
      'checkin.status': async () => ({ ok: true, data: checkedIn ? after : before }),
      'checkin.checkIn': async () => {
        checkedIn = true
        return { ok: false, code: 'ALREADY_CHECKED_IN', message: '今天已经签到过了' }
      },
    })
    const { container } = render(<CheckInPage />)
    fireEvent.click(await screen.findByText('签到领 15 积分'))
    await screen.findByText('今日已签到')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '今天已经签到过了', icon: 'none' })
    expect(container.querySelector('#checkin-result')).toBeNull()
  })

  it.each([
    ['not yet checked in, bonus in 2 days: today and two more', false, 2, '再签 3 天可得 35 积分'],
    ['checked in, bonus tomorrow', true, 1, '再签 1 天可得 35 积分'],
  ])('counts the check-ins still needed for the next bonus when %s', async (_case, checkedInToday, inDays, text) => {
    const calendar = calendarOf({
      month: '2026-05',
      today: TODAY,
      checkedDays: checkedInToday ? [TODAY] : [],
      overrides: { nextReward: { inDays, cycleDay: 7, points: 35, growth: 6 } },
    })
    answerCloudFunctions({ 'checkin.status': { ok: true, data: calendar } })
    const { container } = render(<CheckInPage />)
    await screen.findByText('2026年5月')
    expect(container.querySelector('#checkin-next-reward')?.textContent).toBe(text)
  })

  it('mentions a tier upgrade the check-in brought', async () => {
    answerCloudFunctions({
      'checkin.status': { ok: true, data: before },
      'checkin.checkIn': { ok: true, data: { ...result, upgradedTo: { id: 'gold', name: '金卡会员' } } },
    })
    render(<CheckInPage />)
    fireEvent.click(await screen.findByText('签到领 15 积分'))
    await screen.findByText('签到成功，获得 15 积分、1 成长值，升级为金卡会员')
  })

  it('moves between months, never past the current one', async () => {
    const callFunction = answerCloudFunctions({
      'checkin.status': async () => ({ ok: true, data: before }),
    })
    const { container } = render(<CheckInPage />)
    await screen.findByText('2026年5月')
    fireEvent.click(container.querySelector('#checkin-next-month') as Element)
    expect(container.querySelector('#checkin-next-month')?.className).toContain('checkin-month__nav--disabled')

    callFunction.mockImplementation(async ({ data }: { data: { input: { month?: string } } }) => ({
      result: { ok: true, data: calendarOf({ month: data.input.month ?? '2026-05', today: TODAY }) },
    }))
    fireEvent.click(container.querySelector('#checkin-prev-month') as Element)
    await screen.findByText('2026年4月')
    expect(container.querySelector('#checkin-next-month')?.className).not.toContain('disabled')
    fireEvent.click(container.querySelector('#checkin-prev-month') as Element)
    await screen.findByText('2026年3月')
    fireEvent.click(container.querySelector('#checkin-next-month') as Element)
    await screen.findByText('2026年4月')
    expect(statusCalls(callFunction)).toEqual([{}, { month: '2026-04' }, { month: '2026-03' }, { month: '2026-04' }])
  })

  it('makes up a missed day after the member confirms the cost', async () => {
    const withMakeup = calendarOf({
      month: '2026-05',
      today: TODAY,
      checkedDays: ['2026-05-12'],
      makeupDays: ['2026-05-11'],
      overrides: { makeup: { enabled: true, costPoints: 20, remainingThisMonth: 2 } },
    })
    const callFunction = answerCloudFunctions({
      'checkin.status': { ok: true, data: withMakeup },
      'checkin.makeup': { ok: true, data: { ...result, day: '2026-05-11', points: 5, growth: 0 } },
    })
    const { container } = render(<CheckInPage />)
    await screen.findByText('2026年5月')
    const missed = container.querySelector('#checkin-day-2026-05-11') as Element
    expect(missed.className).toContain('checkin-day--makeup')
    expect(container.querySelector('#checkin-day-2026-05-10')?.className).not.toContain('makeup')

    fireEvent.click(missed)
    await screen.findByText('补签 5月11日 成功，获得 5 积分')
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '补签 5月11日需消耗 20 积分，本月还可补签 2 次。' }),
    )
    expect(callFunction).toHaveBeenCalledWith({
      name: 'checkin',
      data: { action: 'makeup', input: { day: '2026-05-11' } },
    })
  })

  it('does not make up a day when the member cancels, and shows makeup refusals', async () => {
    const withMakeup = calendarOf({
      month: '2026-05',
      today: TODAY,
      makeupDays: ['2026-05-11'],
      overrides: { makeup: { enabled: true, costPoints: 20, remainingThisMonth: 1 } },
    })
    const callFunction = answerCloudFunctions({
      'checkin.status': { ok: true, data: withMakeup },
      'checkin.makeup': { ok: false, code: 'POINTS_INSUFFICIENT', message: '积分不足' },
    })
    const { container } = render(<CheckInPage />)
    await screen.findByText('2026年5月')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(container.querySelector('#checkin-day-2026-05-11') as Element)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(callFunction.mock.calls.some(([options]) => options.data.action === 'makeup')).toBe(false)

    fireEvent.click(container.querySelector('#checkin-day-2026-05-11') as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '积分不足', icon: 'none' }))
  })

  it('offers no makeup when the programme has it off', async () => {
    answerCloudFunctions({
      'checkin.status': { ok: true, data: calendarOf({ month: '2026-05', today: TODAY, makeupDays: ['2026-05-11'] }) },
    })
    const { container } = render(<CheckInPage />)
    await screen.findByText('2026年5月')
    expect(container.querySelector('#checkin-day-2026-05-11')?.className).not.toContain('makeup')
    fireEvent.click(container.querySelector('#checkin-day-2026-05-11') as Element)
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(container.querySelector('#checkin-makeup-info')).toBeNull()
  })

  it('shows the error message and loads again on retry', async () => {
    answerCloudFunctions({ 'checkin.status': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<CheckInPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    answerCloudFunctions({ 'checkin.status': { ok: true, data: before } })
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('已连续签到 2 天')
  })
})

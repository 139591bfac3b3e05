import { act, fireEvent, render, screen } from '@testing-library/react'
import HistoryPage from '@/pages/history/index'
import { HISTORY_PAGE_SIZE } from '@/stores/historyStore'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { historyEntries } from '../support/fixtures'
import { resetStores } from '../support/stores'
import { firePageEvent } from '../support/taro'

const balance = { usable: 1000, expired: 0 }
const firstPage = { entries: historyEntries(HISTORY_PAGE_SIZE), nextCursor: 'cursor-1', balance }
const secondPage = { entries: historyEntries(5, HISTORY_PAGE_SIZE), nextCursor: null, balance }

function historyInputs(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls.map(([options]) => options.data.input)
}

function pagedAnswers() {
  return answerCloudFunctions({
    'member.history': () => Promise.resolve({ ok: true, data: firstPage }),
  })
}

describe('the points history page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state until the first page arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'member.history': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<HistoryPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: firstPage }))
    expect(container.querySelectorAll('.history-entry')).toHaveLength(HISTORY_PAGE_SIZE)
  })

  it('shows each line with its title, signed and coloured amount and Beijing time, under the usable balance', async () => {
    pagedAnswers()
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('每日签到')
    const gain = container.querySelector('#history-entry-entry-0') as Element
    expect(gain.querySelector('.history-entry__title')?.textContent).toBe('每日签到')
    expect(gain.querySelector('.history-entry__amount')?.textContent).toBe('+50')
    expect(gain.querySelector('.history-entry__amount')?.className).toContain('history-entry__amount--gain')
    expect(gain.querySelector('.history-entry__time')?.textContent).toBe('2026-05-01 09:30')
    expect(container.querySelector('#history-balance')?.textContent).toBe('可用积分 1000')
    expect(container.querySelector('#history-balance-expired')).toBeNull()
    const spend = container.querySelector('#history-entry-entry-4') as Element
    expect(spend.querySelector('.history-entry__amount')?.textContent).toBe('-300')
    expect(spend.querySelector('.history-entry__amount')?.className).toContain('history-entry__amount--loss')
  })

  it('names the campaign that doubled a purchase under its line, and shows no breakdown for a plain one', async () => {
    const [purchase, plain, ...rest] = historyEntries(HISTORY_PAGE_SIZE)
    const doubled = {
      ...purchase,
      title: '消费积分',
      amount: 176,
      earningLines: [
        { kind: 'base', points: 88 },
        { kind: 'campaign', campaignId: 'double-today', name: '会员日双倍', multiplierPercent: 200, points: 88 },
      ],
    }
    const single = { ...plain, title: '消费积分', earningLines: [{ kind: 'base', points: 50 }] }
    answerCloudFunctions({
      'member.history': () =>
        Promise.resolve({ ok: true, data: { ...firstPage, entries: [doubled, single, ...rest] } }),
    })
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('消费积分')
    expect(container.querySelector('#history-entry-entry-0-lines')?.textContent).toBe(
      '基础积分 88 · 会员日双倍 2 倍 +88',
    )
    expect(container.querySelector('#history-entry-entry-1-lines')).toBeNull()
  })

  it('shows the balance the card shows, and says how many points expired, not the ledger’s stored balance', async () => {
    answerCloudFunctions({
      'member.history': () =>
        Promise.resolve({ ok: true, data: { ...firstPage, balance: { usable: 5, expired: 70 } } }),
    })
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('每日签到')
    expect(container.querySelector('#history-balance')?.textContent).toBe('可用积分 5另有 70 积分已过期')
    expect(container.querySelector('#history-balance-expired')?.textContent).toBe('另有 70 积分已过期')
  })

  it('loads the next page when the member scrolls to the bottom, and says when there is no more', async () => {
    let deliverSecond: (value: unknown) => void = () => undefined
    const callFunction = answerCloudFunctions({
      'member.history': () =>
        callFunction.mock.calls.length === 1
          ? Promise.resolve({ ok: true, data: firstPage })
          : new Promise((resolve) => (deliverSecond = resolve)),
    })
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('每日签到')
    expect(container.querySelector('#history-end')).toBeNull()

    act(() => firePageEvent('reachBottom'))
    expect(container.querySelector('#history-loading-more')).not.toBeNull()
    // Scrolling on while the page is on its way asks for nothing more.
    act(() => firePageEvent('reachBottom'))
    await act(async () => deliverSecond({ ok: true, data: secondPage }))

    expect(container.querySelectorAll('.history-entry')).toHaveLength(HISTORY_PAGE_SIZE + 5)
    expect(container.querySelector('#history-end')?.textContent).toBe('没有更多了')
    expect(historyInputs(callFunction)).toEqual([
      { pageSize: HISTORY_PAGE_SIZE },
      { cursor: 'cursor-1', pageSize: HISTORY_PAGE_SIZE },
    ])
    act(() => firePageEvent('reachBottom'))
    expect(callFunction).toHaveBeenCalledTimes(2)
  })

  it('keeps what is shown when the next page fails, and retries from the bottom', async () => {
    pagedAnswers()
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('每日签到')
    answerCloudFunctions({ 'member.history': { ok: false, code: 'NETWORK_ERROR', message: '网络异常' } })
    await act(async () => firePageEvent('reachBottom'))
    expect(container.querySelectorAll('.history-entry')).toHaveLength(HISTORY_PAGE_SIZE)
    answerCloudFunctions({ 'member.history': { ok: true, data: secondPage } })
    fireEvent.click(container.querySelector('#history-load-more-retry') as Element)
    await screen.findByText('没有更多了')
    expect(container.querySelectorAll('.history-entry')).toHaveLength(HISTORY_PAGE_SIZE + 5)
  })

  it('offers a tap to load more too, for screens the first page does not fill', async () => {
    pagedAnswers()
    const { container } = render(<HistoryPage />)
    await screen.findAllByText('每日签到')
    answerCloudFunctions({ 'member.history': { ok: true, data: secondPage } })
    fireEvent.click(container.querySelector('#history-load-more') as Element)
    await screen.findByText('没有更多了')
  })

  it('says so when there is no history yet', async () => {
    answerCloudFunctions({ 'member.history': { ok: true, data: { entries: [], nextCursor: null } } })
    const { container } = render(<HistoryPage />)
    await screen.findByText('还没有积分记录')
    expect(container.querySelector('#load-state-empty')).not.toBeNull()
  })

  it('shows the error message and loads again on retry', async () => {
    answerCloudFunctions({ 'member.history': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<HistoryPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    pagedAnswers()
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findAllByText('每日签到')
  })
})

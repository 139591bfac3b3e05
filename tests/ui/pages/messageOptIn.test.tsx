import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import CheckInPage from '@/pages/checkin/index'
import { RedeemOutcome } from '@/pages/mallItem/ItemDetails'
import WalletPage from '@/pages/wallet/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { calendarOf } from '../support/fixtures'
import { couponOf, couponRedemption, pickupRedemption } from '../support/mallFixtures'
import { resetStores } from '../support/stores'

const TODAY = '2026-05-13'
const before = calendarOf({ month: '2026-05', today: TODAY, checkedDays: [] })
const after = calendarOf({ month: '2026-05', today: TODAY, checkedDays: [TODAY] })
const TEMPLATE_ID = 'template-points-expiry'

/** The check-in page's calls, and what `member.recordSubscriptions` was sent. */
function answers(): { recorded: unknown[] } {
  const recorded: unknown[] = []
  let checkedIn = false
  answerCloudFunctions({
    'checkin.status': async () => ({ ok: true, data: checkedIn ? after : before }),
    'checkin.checkIn': async () => {
      checkedIn = true
      return { ok: true, data: { day: TODAY, streak: 1, points: 5, growth: 0, balance: 55, upgradedTo: null } }
    },
    'member.recordSubscriptions': async () => ({ ok: true, data: { counts: { pointsExpiry: 1 } } }),
  })
  const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
  const answer = callFunction.getMockImplementation()
  callFunction.mockImplementation(async (options: { name: string; data: { action: string; input: unknown } }) => {
    if (options.data.action === 'recordSubscriptions') recorded.push(options.data.input)
    return answer?.(options)
  })
  return { recorded }
}

describe('asking for the points expiry reminder after check-in', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    Object.assign(globalThis, { SUBSCRIBE_TEMPLATE_VARIABLES: { SUBSCRIBE_TEMPLATE_POINTS_EXPIRY: TEMPLATE_ID } })
  })

  afterEach(() => {
    delete (globalThis as { SUBSCRIBE_TEMPLATE_VARIABLES?: unknown }).SUBSCRIBE_TEMPLATE_VARIABLES
  })

  async function checkIn(): Promise<void> {
    render(<CheckInPage />)
    expect(screen.queryByText('积分到期提醒我')).toBeNull()
    fireEvent.click(await screen.findByText('签到领', { exact: false }))
    await screen.findByText('今日已签到')
  }

  it('opens the dialog only on a tap, and records an accept', async () => {
    const { recorded } = answers()
    await checkIn()
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
    fireEvent.click(await screen.findByText('积分到期提醒我'))
    await screen.findByText('已开启，到期前会提醒你一次')
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [TEMPLATE_ID] }))
    expect(recorded).toEqual([{ requestId: expect.any(String), answers: { [TEMPLATE_ID]: 'accept' } }])
    expect(screen.queryByText('积分到期提醒我')).toBeNull()
  })

  it('records nothing when the member declines, and lets them ask again', async () => {
    const { recorded } = answers()
    ;(Taro.requestSubscribeMessage as unknown as jest.Mock).mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      [TEMPLATE_ID]: 'reject',
    })
    await checkIn()
    fireEvent.click(await screen.findByText('积分到期提醒我'))
    await screen.findByText('未开启提醒')
    expect(recorded).toEqual([])
    expect(screen.getByText('积分到期提醒我')).toBeTruthy()
  })

  it('offers nothing when the build has no template for it', async () => {
    delete (globalThis as { SUBSCRIBE_TEMPLATE_VARIABLES?: unknown }).SUBSCRIBE_TEMPLATE_VARIABLES
    answers()
    await checkIn()
    expect(screen.queryByText('积分到期提醒我')).toBeNull()
  })
})

describe('asking for the coupon expiry reminder in the wallet', () => {
  const COUPON_TEMPLATE_ID = 'template-coupon-expiry'

  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    Object.assign(globalThis, {
      SUBSCRIBE_TEMPLATE_VARIABLES: { SUBSCRIBE_TEMPLATE_COUPON_EXPIRY: COUPON_TEMPLATE_ID },
    })
  })

  afterEach(() => {
    delete (globalThis as { SUBSCRIBE_TEMPLATE_VARIABLES?: unknown }).SUBSCRIBE_TEMPLATE_VARIABLES
  })

  it('offers it beside usable coupons and asks for the coupon template on a tap', async () => {
    const wallet = { coupons: [couponOf()], counts: { available: 1, used: 0, expired: 0 }, storeNames: {} }
    answerCloudFunctions({
      'coupon.wallet': { ok: true, data: wallet },
      'member.recordSubscriptions': { ok: true, data: { counts: { couponExpiry: 1 } } },
    })
    render(<WalletPage />)
    fireEvent.click(await screen.findByText('优惠券到期前提醒我'))
    await screen.findByText('已开启，到期前会提醒你一次')
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: [COUPON_TEMPLATE_ID] }),
    )
  })
})

describe('asking for the pickup reminder after a pickup redemption', () => {
  const PICKUP_TEMPLATE_ID = 'template-pickup-reminder'

  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
    Object.assign(globalThis, {
      SUBSCRIBE_TEMPLATE_VARIABLES: { SUBSCRIBE_TEMPLATE_PICKUP_REMINDER: PICKUP_TEMPLATE_ID },
    })
  })

  afterEach(() => {
    delete (globalThis as { SUBSCRIBE_TEMPLATE_VARIABLES?: unknown }).SUBSCRIBE_TEMPLATE_VARIABLES
  })

  it('offers it beside the pickup code, asks for the pickup template on a tap, and not after a coupon item', async () => {
    answerCloudFunctions({ 'member.recordSubscriptions': { ok: true, data: { counts: { pickupReminder: 1 } } } })
    const pickup = render(<RedeemOutcome result={pickupRedemption()} />)
    fireEvent.click(await screen.findByText('取货截止前提醒我'))
    await screen.findByText('已开启，到期前会提醒你一次')
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: [PICKUP_TEMPLATE_ID] }),
    )
    pickup.unmount()
    render(<RedeemOutcome result={couponRedemption()} />)
    expect(screen.queryByText('取货截止前提醒我')).toBeNull()
  })
})

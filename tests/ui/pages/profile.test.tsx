import type { Profile } from '@shared/contracts'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import ProfilePage from '@/pages/profile/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { resetStores } from '../support/stores'
import { firePageEvent } from '../support/taro'
import { openTypeAnswers } from '../support/taroComponents'

const empty: Profile = { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null, completionRewarded: false }
const complete: Profile = {
  nickname: '小满',
  avatarUrl: 'https://example.com/a.png',
  birthday: '05-01',
  phoneNumber: '138****8000',
  completionRewarded: true,
}

/** The element with an id, once the page shows it. */
async function findById(container: HTMLElement, id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const element = container.querySelector<HTMLElement>(`#${id}`)
    if (element === null) throw new Error(`#${id} is not on the page`)
    return element
  })
}

function updates(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls.filter(([o]) => o.data.action === 'updateProfile').map(([o]) => o.data.input)
}

const NOT_STAFF = { ok: false, code: 'NOT_STAFF', message: '仅限已绑定的门店员工使用' }

/** Answers updateProfile by merging the change into the profile; the change completing it pays 20 points. */
function profileAnswers(start: Profile, completing: keyof Profile | null = null, staffMe: unknown = NOT_STAFF) {
  let profile = start
  return answerCloudFunctions({
    'staff.me': staffMe,
    'member.profile': async () => ({ ok: true, data: profile }),
    'member.updateProfile': async () => {
      const input = (Taro.cloud.callFunction as jest.Mock).mock.lastCall?.[0].data.input as Record<string, string>
      const phone = input.phoneCloudId ? { phoneNumber: '138****8000' } : {}
      const { phoneCloudId: _, ...rest } = input
      profile = { ...profile, ...rest, ...phone }
      const completes = completing !== null && completing in { ...rest, ...phone }
      if (completes) profile = { ...profile, completionRewarded: true }
      return { ok: true, data: { profile, completionPoints: completes ? 20 : 0 } }
    },
  })
}

describe('the profile page', () => {
  const originalEnv = process.env.TARO_ENV

  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  afterEach(() => {
    process.env.TARO_ENV = originalEnv
    delete (globalThis as { fetch?: unknown }).fetch
    for (const key of Object.keys(openTypeAnswers)) delete openTypeAnswers[key]
  })

  it('shows a loading state until the profile arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'member.profile': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<ProfilePage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: empty }))
    expect(container.querySelector('#profile-nickname')).not.toBeNull()
  })

  it('invites a new member to complete the profile for points', async () => {
    profileAnswers(empty)
    const { container } = render(<ProfilePage />)
    await screen.findByText('完善头像、昵称、生日和手机号，可得积分奖励（仅一次）')
    expect(container.querySelector('#profile-phone')?.textContent).toBe('未绑定')
    expect(container.querySelector('#profile-birthday-picker')).not.toBeNull()
  })

  it.each([
    ['profile-link-orders', '/pages/orders/index'],
    ['profile-link-wallet', '/pages/wallet/index'],
  ])('opens the page behind %s', async (id, url) => {
    profileAnswers(empty)
    const { container } = render(<ProfilePage />)
    await screen.findByText('完善头像、昵称、生日和手机号，可得积分奖励（仅一次）')
    fireEvent.click(container.querySelector(`#${id}`) as Element)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url })
  })

  it('shows a completed profile read-only where it must be, without the reward hint', async () => {
    profileAnswers(complete)
    const { container } = render(<ProfilePage />)
    await screen.findByText('5月1日')
    expect(container.querySelector('#profile-completion-hint')).toBeNull()
    expect(container.querySelector('#profile-birthday-picker')).toBeNull()
    expect(container.querySelector('#profile-birthday')?.parentElement?.textContent).toContain('如需修改请联系门店')
    expect(container.querySelector('#profile-phone')?.textContent).toBe('138****8000')
    expect((container.querySelector('#profile-nickname') as HTMLInputElement).value).toBe('小满')
    expect(container.querySelector('#profile-avatar')?.getAttribute('src')).toBe('https://example.com/a.png')
  })

  it('saves the nickname typed into the nickname field', async () => {
    const callFunction = profileAnswers(empty)
    const { container } = render(<ProfilePage />)
    const input = (await findById(container, 'profile-nickname')) as HTMLInputElement
    expect(input.getAttribute('data-type')).toBe('nickname')
    const save = container.querySelector('#profile-nickname-save') as HTMLButtonElement
    expect(save.disabled).toBe(true)
    fireEvent.change(input, { target: { value: '  阿满 ' } })
    fireEvent.click(save)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }))
    expect(updates(callFunction)).toEqual([{ nickname: '阿满' }])
    expect((container.querySelector('#profile-nickname') as HTMLInputElement).value).toBe('阿满')
  })

  it('sets the birthday once, as MM-DD, after the member confirms; then shows it read-only', async () => {
    const callFunction = profileAnswers(empty)
    const { container } = render(<ProfilePage />)
    await screen.findByText('选择生日 ›')
    fireEvent.change(container.querySelector('.picker-stand-in__value') as Element, { target: { value: '1990-05-01' } })
    await screen.findByText('5月1日')
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('5月1日') }))
    expect(updates(callFunction)).toEqual([{ birthday: '05-01' }])
    expect(container.querySelector('#profile-birthday-picker')).toBeNull()
    expect(screen.getByText('如需修改请联系门店')).toBeTruthy()
  })

  it('binds the phone number from getPhoneNumber and toasts the completion reward', async () => {
    const callFunction = profileAnswers({ ...complete, phoneNumber: null, completionRewarded: false }, 'phoneNumber')
    openTypeAnswers.getPhoneNumber = { errMsg: 'getPhoneNumber:ok', cloudID: 'cloud-id-123' }
    const { container } = render(<ProfilePage />)
    const button = (await findById(container, 'profile-phone-button')) as HTMLElement
    expect(button.getAttribute('data-open-type')).toBe('getPhoneNumber')
    fireEvent.click(button)
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '资料已完善，获得 20 积分', icon: 'none' }),
    )
    expect(updates(callFunction)).toEqual([{ phoneCloudId: 'cloud-id-123' }])
    expect(container.querySelector('#profile-phone')?.textContent).toBe('138****8000')
    expect(container.querySelector('#profile-completion-hint')).toBeNull()
  })

  it('sends nothing when the member declines to share the phone number', async () => {
    const callFunction = profileAnswers(empty)
    openTypeAnswers.getPhoneNumber = { errMsg: 'getPhoneNumber:fail user deny' }
    const { container } = render(<ProfilePage />)
    fireEvent.click((await findById(container, 'profile-phone-button')) as Element)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '未获得手机号授权', icon: 'none' })
    expect(updates(callFunction)).toEqual([])
  })

  it('uploads a chosen avatar to cloud storage and saves its file id', async () => {
    const callFunction = profileAnswers(empty)
    openTypeAnswers.chooseAvatar = { avatarUrl: 'wxfile://tmp/avatar.png' }
    const { container } = render(<ProfilePage />)
    fireEvent.click((await findById(container, 'profile-avatar-button')) as Element)
    await waitFor(() => expect(updates(callFunction)).toHaveLength(1))
    expect(Taro.cloud.uploadFile).toHaveBeenCalledWith({
      cloudPath: expect.stringMatching(/^avatars\/[a-z0-9]+-[a-z0-9]+\.png$/),
      filePath: 'wxfile://tmp/avatar.png',
    })
    expect(updates(callFunction)).toEqual([{ avatarUrl: 'cloud://env-test.bucket/avatars/uploaded.jpg' }])
  })

  it('in the H5 build, takes an avatar URL and binds the local test phone number', async () => {
    process.env.TARO_ENV = 'h5'
    // H5 calls functions through the dev server: route those calls to the prepared answers. The
    // identity switcher's request for identities finds no server.
    globalThis.fetch = jest.fn(async (url: string, init: { body: string }) => {
      const functionName = /\/api\/functions\/(\w+)$/.exec(url)?.[1]
      if (functionName === undefined) throw new Error('no dev server in tests')
      const { result } = await Taro.cloud.callFunction({ name: functionName, data: JSON.parse(init.body).data })
      return { ok: true, status: 200, json: async () => ({ result }) }
    }) as unknown as typeof fetch
    const callFunction = profileAnswers(empty)
    const { container } = render(<ProfilePage />)
    const url = (await findById(container, 'profile-avatar-url')) as HTMLInputElement
    expect(container.querySelector('#profile-avatar-button')).toBeNull()
    fireEvent.change(url, { target: { value: 'https://example.com/me.png' } })
    fireEvent.click(container.querySelector('#profile-avatar-save') as Element)
    await waitFor(() => expect(updates(callFunction)).toHaveLength(1))
    fireEvent.click(container.querySelector('#profile-phone-button') as Element)
    await waitFor(() => expect(updates(callFunction)).toHaveLength(2))
    expect(updates(callFunction)).toEqual([
      { avatarUrl: 'https://example.com/me.png' },
      { phoneCloudId: 'phone:13800138000' },
    ])
  })

  it('shows why a change was refused', async () => {
    answerCloudFunctions({
      'member.profile': { ok: true, data: empty },
      'member.updateProfile': { ok: false, code: 'PHONE_NUMBER_UNAVAILABLE', message: '未能获取手机号，请重试' },
    })
    openTypeAnswers.getPhoneNumber = { cloudID: 'cloud-id-123' }
    const { container } = render(<ProfilePage />)
    fireEvent.click((await findById(container, 'profile-phone-button')) as Element)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '未能获取手机号，请重试', icon: 'none' }))
    expect(container.querySelector('#profile-phone')?.textContent).toBe('未绑定')
  })

  it('invites a visitor who is not a member to join', async () => {
    answerCloudFunctions({ 'member.profile': { ok: false, code: 'NOT_A_MEMBER', message: '请先加入会员' } })
    const { container } = render(<ProfilePage />)
    await screen.findByText('加入会员后即可完善资料')
    fireEvent.click(container.querySelector('#profile-join') as Element)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/join/index' })
  })

  it('shows the error message and loads again on retry', async () => {
    answerCloudFunctions({ 'member.profile': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<ProfilePage />)
    await screen.findByText('系统繁忙，请稍后再试')
    profileAnswers(complete)
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('5月1日')
  })

  it('reloads when the tab is shown again', async () => {
    const callFunction = profileAnswers(empty)
    render(<ProfilePage />)
    await screen.findByText('未绑定')
    act(() => firePageEvent('didHide'))
    act(() => firePageEvent('didShow'))
    await waitFor(() => expect(callFunction.mock.calls.filter(([o]) => o.data.action === 'profile')).toHaveLength(2))
  })

  it('links 店员入口 to the counter for bound staff', async () => {
    const staff = { role: 'staff', storeId: 'store-1', storeName: '1 号店', name: '小林' }
    profileAnswers(complete, null, { ok: true, data: staff })
    const { container } = render(<ProfilePage />)
    fireEvent.click(await findById(container, 'profile-link-staff'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/counter/index' })
    expect(container.querySelector('#profile-link-admin')).toBeNull()
  })

  it.each([
    ['manager', { role: 'manager', storeId: 'store-1', storeName: '1 号店', name: '王店长' }],
    ['admin', { role: 'admin', storeId: null, storeName: null, name: '品牌管理员' }],
  ])('links 管理后台 to the admin console for a bound %s', async (_role, staff) => {
    profileAnswers(complete, null, { ok: true, data: staff })
    const { container } = render(<ProfilePage />)
    fireEvent.click(await findById(container, 'profile-link-admin'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/home/index' })
  })

  it('shows no staff entry to members who are not staff', async () => {
    const callFunction = profileAnswers(complete)
    const { container } = render(<ProfilePage />)
    await screen.findByText('5月1日')
    await waitFor(() => expect(callFunction.mock.calls.some(([o]) => o.data.action === 'me')).toBe(true))
    expect(container.querySelector('#profile-link-staff')).toBeNull()
    expect(container.querySelector('#profile-link-admin')).toBeNull()
  })
})

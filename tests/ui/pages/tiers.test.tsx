import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import TiersPage from '@/pages/tiers/index'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { cardOf, PROGRAMME } from '../support/fixtures'
import { resetStores } from '../support/stores'

describe('the tier benefits page', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows a loading state until the programme arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({
      'programme.get': () => new Promise((resolve) => (deliver = resolve)),
      'member.card': { ok: true, data: cardOf() },
    })
    const { container } = render(<TiersPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: PROGRAMME }))
    expect(container.querySelector('#load-state-loading')).toBeNull()
  })

  it('shows every tier, entry tier first, with what each needs and gives', async () => {
    const callFunction = answerCloudFunctions({
      'programme.get': { ok: true, data: PROGRAMME },
      'member.card': { ok: true, data: cardOf() },
    })
    const { container } = render(<TiersPage />)
    await screen.findByText('小满咖啡')
    expect(callFunction).toHaveBeenCalledWith({ name: 'programme', data: { action: 'get', input: {} } })
    const names = [...container.querySelectorAll('.tier-ladder__name')].map((node) => node.textContent)
    expect(names).toEqual(['普通会员', '银卡会员', '金卡会员', '黑金会员'])
    expect(container.querySelector('#tier-regular')?.textContent).toContain('入会即享')
    expect(container.querySelector('#tier-gold')?.textContent).toContain('成长值 2000')
    expect(container.querySelector('#tier-black')?.textContent).toContain('专属兑换商品')
  })

  it("marks the member's tier and shows their progress to the next", async () => {
    answerCloudFunctions({
      'programme.get': { ok: true, data: PROGRAMME },
      'member.card': { ok: true, data: cardOf() },
    })
    const { container } = render(<TiersPage />)
    await waitFor(() => expect(container.querySelector('#tiers-current')).not.toBeNull())
    expect(container.querySelector('#tier-silver')?.className).toContain('tier-ladder__tier--current')
    expect(container.querySelector('#tier-silver')?.textContent).toContain('当前等级')
    expect(container.querySelectorAll('.tier-ladder__tier--current')).toHaveLength(1)
    expect(container.querySelector('#tiers-current-name')?.textContent).toBe('银卡会员')
    expect(container.querySelector('#growth-progress-caption')?.textContent).toContain('再得 380 成长值升级金卡会员')
  })

  it('shows the tiers without marking any to a visitor who is not a member', async () => {
    answerCloudFunctions({
      'programme.get': { ok: true, data: PROGRAMME },
      'member.card': { ok: false, code: 'NOT_A_MEMBER', message: '请先加入会员' },
    })
    const { container } = render(<TiersPage />)
    await screen.findByText('小满咖啡')
    expect(container.querySelector('.tier-ladder__tier--current')).toBeNull()
    expect(container.querySelector('#tiers-current')).toBeNull()
  })

  it('says so when the programme has no tiers', async () => {
    answerCloudFunctions({
      'programme.get': { ok: true, data: { brandName: '小满咖啡', tiers: [] } },
      'member.card': { ok: true, data: cardOf() },
    })
    render(<TiersPage />)
    await screen.findByText('暂未设置会员等级')
  })

  it('shows the error message and loads again on retry', async () => {
    answerCloudFunctions({
      'programme.get': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' },
      'member.card': { ok: true, data: cardOf() },
    })
    const { container } = render(<TiersPage />)
    await screen.findByText('系统繁忙，请稍后再试')
    answerCloudFunctions({
      'programme.get': { ok: true, data: PROGRAMME },
      'member.card': { ok: true, data: cardOf() },
    })
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('小满咖啡')
  })

  it('treats a transport failure as an error the member can retry', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    answerCloudFunctions({
      'programme.get': () => Promise.reject(new Error('offline')),
      'member.card': () => Promise.reject(new Error('offline')),
    })
    render(<TiersPage />)
    await screen.findByText('网络异常，请检查网络后重试')
  })
})

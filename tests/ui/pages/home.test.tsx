import { DEMO_PROGRAMME } from '@shared/programme/demoProgramme'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/index/index'
import { useProgrammeStore } from '@/stores/programmeStore'
import { answerCloudFunctions } from '../support/cloudFunctions'

const programme = {
  brandName: DEMO_PROGRAMME.brandName,
  tiers: DEMO_PROGRAMME.tiers.map(({ id, name, growthThreshold, benefits }) => ({
    id,
    name,
    growthThreshold,
    benefits,
  })),
}

describe('the home page', () => {
  beforeEach(() => useProgrammeStore.setState({ state: { status: 'idle' } }))

  it('shows a loading state until the programme arrives', async () => {
    let deliver: (value: unknown) => void = () => undefined
    answerCloudFunctions({ 'programme.get': () => new Promise((resolve) => (deliver = resolve)) })
    const { container } = render(<HomePage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await act(async () => deliver({ ok: true, data: programme }))
    expect(container.querySelector('#load-state-loading')).toBeNull()
  })

  it('shows the brand and every tier, entry tier first, with what each needs and gives', async () => {
    const callFunction = answerCloudFunctions({ 'programme.get': { ok: true, data: programme } })
    const { container } = render(<HomePage />)
    await screen.findByText('小满咖啡')
    expect(callFunction).toHaveBeenCalledWith({ name: 'programme', data: { action: 'get', input: {} } })
    const names = [...container.querySelectorAll('.tier-ladder__name')].map((node) => node.textContent)
    expect(names).toEqual(['普通会员', '银卡会员', '金卡会员', '黑金会员'])
    expect(container.querySelector('#tier-regular')?.textContent).toContain('入会即享')
    expect(container.querySelector('#tier-gold')?.textContent).toContain('成长值 2000')
  })

  it('shows the error message and loads again on retry', async () => {
    answerCloudFunctions({ 'programme.get': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
    const { container } = render(<HomePage />)
    await screen.findByText('系统繁忙，请稍后再试')
    answerCloudFunctions({ 'programme.get': { ok: true, data: programme } })
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await waitFor(() => expect(screen.getByText('小满咖啡')).toBeTruthy())
  })

  it('treats a transport failure as an error the member can retry', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    answerCloudFunctions({ 'programme.get': () => Promise.reject(new Error('offline')) })
    render(<HomePage />)
    await screen.findByText('网络异常，请检查网络后重试')
  })
})

import type { ApiEnvelope, PublicProgramme } from '@shared/contracts'
import { NOT_A_MEMBER_REFUSAL, PROGRAMME } from '../ui/support/fixtures'
import { answerCloudFunctions, holdAnswer, loadCompiledPage } from './support'

const TIERS = 'pages/tiers/index'

/** The tiers page also asks for the card; a visitor who has not joined sees the tiers alone. */
const notAMember = NOT_A_MEMBER_REFUSAL
const programme: PublicProgramme = PROGRAMME

const answered: ApiEnvelope<PublicProgramme> = { ok: true, data: programme }
const failed: ApiEnvelope<PublicProgramme> = { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' }

describe('the compiled tiers page', () => {
  it('asks the programme function for the programme, with an empty input', async () => {
    const callFunction = answerCloudFunctions({ 'programme.get': answered, 'member.card': notAMember })
    const page = loadCompiledPage(TIERS)
    await page.waitFor(() => page.byId('brand-name'))
    const programmeCalls = callFunction.mock.calls.filter(([options]) => options.name === 'programme')
    expect(programmeCalls).toEqual([[{ name: 'programme', data: { action: 'get', input: {} } }]])
  })

  it('shows the loading state until the programme arrives, then the brand instead', async () => {
    const held = holdAnswer()
    answerCloudFunctions({ 'programme.get': held.answer, 'member.card': notAMember })
    const page = loadCompiledPage(TIERS)
    const loading = await page.waitFor(() => page.byId('load-state-loading'))
    expect(loading.text).toBe('加载中…')
    expect(page.byId('brand-name')).toBeNull()

    held.release(answered)
    const brand = await page.waitFor(() => page.byId('brand-name'))
    expect(brand.text).toBe('小满咖啡')
    expect(page.byId('load-state-loading')).toBeNull()
  })

  it('shows the four tiers from the entry tier up, each with its threshold and benefits', async () => {
    answerCloudFunctions({ 'programme.get': answered, 'member.card': notAMember })
    const page = loadCompiledPage(TIERS)
    await page.waitFor(() => page.byId('brand-name'))
    const names = page.allByClass('tier-ladder__name').map((name) => name.text)
    expect(names).toEqual(['普通会员', '银卡会员', '金卡会员', '黑金会员'])
    expect(page.byId('tier-regular')?.text).toContain('入会即享')
    expect(page.byId('tier-gold')?.text).toContain('成长值 2000')
    expect(page.byId('tier-black')?.text).toContain('专属兑换商品')
  })

  it('shows the error message and a retry button when the function answers an error', async () => {
    answerCloudFunctions({ 'programme.get': failed, 'member.card': notAMember })
    const page = loadCompiledPage(TIERS)
    const message = await page.waitFor(() => page.byText('系统繁忙，请稍后再试'))
    expect(message.hasClass('load-state__message')).toBe(true)
    expect(page.byId('load-state-retry')?.text).toBe('重试')
    expect(page.byId('brand-name')).toBeNull()
  })

  it('loads again when the retry button is tapped, and shows the programme', async () => {
    const callFunction = answerCloudFunctions({ 'programme.get': failed, 'member.card': notAMember })
    const page = loadCompiledPage(TIERS)
    await page.waitFor(() => page.byId('load-state-retry'))
    answerCloudFunctions({ 'programme.get': answered, 'member.card': notAMember })

    page.tap('load-state-retry')
    const brand = await page.waitFor(() => page.byId('brand-name'))
    expect(brand.text).toBe('小满咖啡')
    expect(callFunction).toHaveBeenCalledTimes(1)
    expect(page.byId('load-state-retry')).toBeNull()
  })

  it('shows a network error the member can retry when the call itself fails', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    answerCloudFunctions({
      'programme.get': () => {
        throw new Error('cloud.callFunction:fail request timeout')
      },
    })
    const page = loadCompiledPage(TIERS)
    await page.waitFor(() => page.byText('网络异常，请检查网络后重试'))
    expect(page.byId('load-state-retry')).not.toBeNull()
    expect(logged).toHaveBeenCalledWith('programme.get failed', expect.any(Error))
  })
})

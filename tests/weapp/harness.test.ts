import { NOT_A_MEMBER_REFUSAL, PROGRAMME } from '../ui/support/fixtures'
import { answerCloudFunctions, loadCompiledPage } from './support'

const answered = { ok: true, data: PROGRAMME }
const notAMember = NOT_A_MEMBER_REFUSAL

describe('the compiled-page harness', () => {
  it('refuses a page the build does not contain, saying how to build', () => {
    expect(() => loadCompiledPage('pages/nowhere/index')).toThrow(/not a page of the build.*npm run build:weapp/)
  })

  it('removes a page from the document when the next one loads', async () => {
    answerCloudFunctions({ 'programme.get': answered, 'member.card': notAMember })
    const first = loadCompiledPage('pages/tiers/index')
    await first.waitFor(() => first.byId('brand-name'))
    const second = loadCompiledPage('/pages/tiers/index')
    expect(document.body.contains(first.container)).toBe(false)
    expect(document.body.contains(second.container)).toBe(true)
    await second.waitFor(() => second.byId('brand-name'))
  })

  it('gives up waiting with what the page shows instead', async () => {
    answerCloudFunctions({ 'programme.get': answered, 'member.card': notAMember })
    const page = loadCompiledPage('pages/tiers/index')
    await page.waitFor(() => page.byId('brand-name'))
    await expect(page.waitFor(() => page.byId('no-such-element'), { timeoutMs: 200 })).rejects.toThrow(
      /waitFor gave up; the page shows ".*小满咖啡/,
    )
  })
})

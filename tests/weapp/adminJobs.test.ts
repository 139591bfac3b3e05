import { ADMIN, jobOutcomeOf, jobStateOf } from '../ui/support/adminFixtures'
import { answerCloudFunctions, loadCompiledPage } from './support'

const JOBS = 'admin/pages/jobs/index'

// The first compiled page a run loads transforms the whole build, which takes seconds on a busy machine.
jest.setTimeout(30_000)

describe('the compiled admin subpackage', () => {
  it('renders the jobs screen from the subpackage and shows a dry run’s figures', async () => {
    const callFunction = answerCloudFunctions({
      'staff.me': { ok: true, data: ADMIN },
      'jobs.status': { ok: true, data: { jobs: [jobStateOf({ overdue: true })] } },
      'jobs.run': { ok: true, data: jobOutcomeOf({ dryRun: true }) },
    })
    const page = loadCompiledPage(JOBS)
    const status = await page.waitFor(() => page.byId('job-expirePoints-status'))
    expect(status.text).toBe('本期 2026-05-01 · 已完成')
    expect(page.byId('job-expirePoints-overdue')?.text).toBe('已逾期')
    expect(page.byId('job-expirePoints-figure-points')?.text).toBe('430')
    page.tap('job-expirePoints-dry-run')
    const outcome = await page.waitFor(() => page.byId('job-expirePoints-result-outcome'))
    expect(outcome.text).toBe('试运行：已完成')
    expect(callFunction).toHaveBeenCalledWith({
      name: 'jobs',
      data: { action: 'run', input: { job: 'expirePoints', dryRun: true } },
    })
    page.unload()
  })

  it('turns away a manager', async () => {
    answerCloudFunctions({
      'staff.me': { ok: true, data: { role: 'manager', storeId: 'store-1', storeName: '1 号店', name: '王店长' } },
    })
    const page = loadCompiledPage(JOBS)
    const refused = await page.waitFor(() => page.byId('admin-refused'))
    expect(refused.text).toBe('仅限品牌管理员使用')
    page.unload()
  })
})

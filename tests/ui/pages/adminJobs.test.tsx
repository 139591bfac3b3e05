import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import AdminJobsPage from '@/admin/pages/jobs/index'
import { ADMIN, jobOutcomeOf, jobStateOf, SUMMARY } from '../support/adminFixtures'
import { answerCloudFunctions } from '../support/cloudFunctions'
import { MANAGER } from '../support/staffFixtures'
import { resetStores } from '../support/stores'

const ME = { ok: true, data: ADMIN }

function textOf(container: HTMLElement, id: string): string | null | undefined {
  return container.querySelector(`#${id}`)?.textContent
}

function runInputs(callFunction: jest.Mock): unknown[] {
  return callFunction.mock.calls
    .filter(([o]) => o.name === 'jobs' && o.data.action === 'run')
    .map(([o]) => o.data.input)
}

describe('the jobs screen', () => {
  beforeEach(() => {
    resetStores()
    jest.clearAllMocks()
  })

  it('shows each job by its Chinese name with its run’s status, times and figures', async () => {
    answerCloudFunctions({ 'staff.me': ME, 'jobs.status': { ok: true, data: { jobs: [jobStateOf()] } } })
    const { container } = render(<AdminJobsPage />)
    await screen.findByText('积分过期')
    expect(textOf(container, 'job-expirePoints-status')).toBe('本期 2026-05-01 · 已完成')
    expect(textOf(container, 'job-expirePoints-started')).toBe('开始 2026-05-01 00:00')
    expect(textOf(container, 'job-expirePoints-finished')).toBe('完成 2026-05-01 00:00')
    const figures = Object.entries(SUMMARY).map(([key]) => textOf(container, `job-expirePoints-figure-${key}`))
    expect(figures).toEqual(['120', '7', '9', '430', '2', '1'])
    expect(container.querySelector('#job-expirePoints-overdue')).toBeNull()
  })

  it('marks a job that has not run this period, and is overdue, with 已逾期', async () => {
    const never = jobStateOf({
      status: null,
      startedAtMs: null,
      heartbeatAtMs: null,
      finishedAtMs: null,
      summary: null,
    })
    answerCloudFunctions({ 'staff.me': ME, 'jobs.status': { ok: true, data: { jobs: [{ ...never, overdue: true }] } } })
    const { container } = render(<AdminJobsPage />)
    await screen.findByText('已逾期')
    expect(textOf(container, 'job-expirePoints-status')).toBe('本期 2026-05-01 · 本期尚未运行')
    expect(textOf(container, 'job-expirePoints-heartbeat')).toBe('心跳 —')
    expect(container.querySelector('#job-expirePoints-figure-scanned')).toBeNull()
  })

  it('runs a dry run without asking, and shows what it would do', async () => {
    const dry = jobOutcomeOf({ dryRun: true, summary: { ...SUMMARY, effects: 3 } })
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': { ok: true, data: { jobs: [jobStateOf()] } },
      'jobs.run': { ok: true, data: dry },
    })
    const { container } = render(<AdminJobsPage />)
    fireEvent.click(await screen.findByText('试运行'))
    await screen.findByText('试运行：已完成')
    expect(textOf(container, 'job-expirePoints-result-effects')).toBe('3')
    expect(runInputs(callFunction)).toEqual([{ job: 'expirePoints', dryRun: true }])
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('runs for real only once confirmed, then reloads the job’s state', async () => {
    let statusCalls = 0
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': async () => {
        statusCalls += 1
        return { ok: true, data: { jobs: [jobStateOf({ summary: { ...SUMMARY, invocations: statusCalls } })] } }
      },
      'jobs.run': { ok: true, data: jobOutcomeOf({ outcome: 'continuing' }) },
    })
    const { container } = render(<AdminJobsPage />)
    await screen.findByText('积分过期')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    await act(async () => fireEvent.click(container.querySelector('#job-expirePoints-run') as Element))
    expect(runInputs(callFunction)).toEqual([])
    fireEvent.click(container.querySelector('#job-expirePoints-run') as Element)
    await screen.findByText('运行：本次未完成，下次触发从中断处继续')
    expect(runInputs(callFunction)).toEqual([{ job: 'expirePoints', dryRun: false }])
    await waitFor(() => expect(textOf(container, 'job-expirePoints-figure-invocations')).toBe('2'))
  })

  it.each([
    ['leased', '运行：另一次运行正在进行，本次未执行'],
    ['alreadyDone', '运行：本期已运行完毕，无需再次运行'],
  ] as const)('says what a %s answer means', async (outcome, text) => {
    answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': { ok: true, data: { jobs: [jobStateOf()] } },
      'jobs.run': { ok: true, data: jobOutcomeOf({ outcome }) },
    })
    render(<AdminJobsPage />)
    fireEvent.click(await screen.findByText('立即运行'))
    await screen.findByText(text)
  })

  it('shows a refused run beside the job, and keeps the list', async () => {
    answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': { ok: true, data: { jobs: [jobStateOf()] } },
      'jobs.run': { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' },
    })
    render(<AdminJobsPage />)
    fireEvent.click(await screen.findByText('试运行'))
    await screen.findByText('试运行失败：系统繁忙，请稍后重试')
    expect(screen.getByText('积分过期')).not.toBeNull()
  })

  it('sends one run for a double tap', async () => {
    let release: (value: unknown) => void = () => undefined
    const callFunction = answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': { ok: true, data: { jobs: [jobStateOf()] } },
      'jobs.run': () => new Promise((resolve) => (release = resolve)),
    })
    const { container } = render(<AdminJobsPage />)
    const dryRun = await screen.findByText('试运行')
    fireEvent.click(dryRun)
    fireEvent.click(dryRun)
    await screen.findByText('试运行中…')
    expect((container.querySelector('#job-expirePoints-run') as HTMLButtonElement).disabled).toBe(true)
    await act(async () => release({ ok: true, data: jobOutcomeOf({ dryRun: true }) }))
    expect(runInputs(callFunction)).toHaveLength(1)
  })

  it('shows the loading state, then an error with 重试 that loads again', async () => {
    let answer: unknown = { ok: false, code: 'INTERNAL', message: '系统繁忙' }
    answerCloudFunctions({ 'staff.me': ME, 'jobs.status': async () => answer })
    const { container } = render(<AdminJobsPage />)
    expect(container.querySelector('#load-state-loading')).not.toBeNull()
    await screen.findByText('系统繁忙')
    answer = { ok: true, data: { jobs: [] } }
    fireEvent.click(container.querySelector('#load-state-retry') as Element)
    await screen.findByText('暂无定时任务')
  })

  it('is for admins only: a manager is refused without asking for the jobs', async () => {
    const callFunction = answerCloudFunctions({ 'staff.me': { ok: true, data: MANAGER } })
    render(<AdminJobsPage />)
    await screen.findByText('仅限品牌管理员使用')
    expect(callFunction.mock.calls.some(([o]) => o.name === 'jobs')).toBe(false)
  })

  it('says so when the function refuses the caller after all', async () => {
    answerCloudFunctions({
      'staff.me': ME,
      'jobs.status': { ok: false, code: 'FORBIDDEN', message: '仅限品牌管理员' },
    })
    const { container } = render(<AdminJobsPage />)
    await waitFor(() => expect(container.querySelector('#jobs-refused')).not.toBeNull())
  })
})

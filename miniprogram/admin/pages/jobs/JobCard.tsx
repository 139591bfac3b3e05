import type { JobState, JobSummary } from '@shared/contracts'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { classNames } from '@/utils/classNames'
import { formatDateTime } from '@/utils/formatTime'
import { type JobRunNow, useJobsStore } from '../../stores/jobsStore'
import { JOB_TITLES, jobFigures, jobOutcomeText, jobRunStatusText } from '../../utils/jobText'

function timeText(instantMs: number | null): string {
  return instantMs === null ? '—' : formatDateTime(instantMs)
}

/** A summary's figures as a grid of label over value; `prefix` keeps the ids of two grids apart. */
export function JobFigures({ summary, prefix }: { summary: JobSummary; prefix: string }) {
  return (
    <View className='job-figures'>
      {jobFigures(summary).map((figure) => (
        <View key={figure.key} className='job-figures__figure'>
          <Text className='job-figures__value' id={`${prefix}-${figure.key}`}>
            {figure.value}
          </Text>
          <Text className='job-figures__label'>{figure.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** What running the job now answered: the outcome in words and the run's figures so far. */
function RunNowResult({ id, run }: { id: string; run: JobRunNow }) {
  if (run.status === 'running') {
    return (
      <View className='job-result' id={`${id}-result`}>
        <Text>{run.dryRun ? '试运行中…' : '运行中…'}</Text>
      </View>
    )
  }
  if (run.status === 'failed') {
    return (
      <View className='job-result job-result--failed' id={`${id}-result`}>
        <Text id={`${id}-result-outcome`}>{`${run.dryRun ? '试运行' : '运行'}失败：${run.message}`}</Text>
      </View>
    )
  }
  return (
    <View className='job-result' id={`${id}-result`}>
      <Text className='job-result__outcome' id={`${id}-result-outcome`}>
        {jobOutcomeText(run.outcome)}
      </Text>
      <JobFigures summary={run.outcome.summary} prefix={`${id}-result`} />
    </View>
  )
}

/** A real run writes to members' accounts: it goes ahead only once the admin confirms. */
async function confirmRun(job: JobState['job']): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '立即运行',
    content: `立即运行「${JOB_TITLES[job]}」？将按本期规则实际写入数据（可先试运行查看影响）。`,
    confirmText: '运行',
  })
  return confirm
}

/** One job: its name, the period's run (status, times, figures), 已逾期 when overdue, and 立即运行 / 试运行. */
export function JobCard({ state }: { state: JobState }) {
  const id = `job-${state.job}`
  const run = useJobsStore((store) => store.runs[state.job])
  const runNow = useJobsStore((store) => store.run)
  const busy = run?.status === 'running'
  return (
    <View className='admin-card job-card' id={id}>
      <View className='job-card__header'>
        <Text className='admin-card__title'>{JOB_TITLES[state.job]}</Text>
        {state.overdue && (
          <Text className='job-card__badge' id={`${id}-overdue`}>
            已逾期
          </Text>
        )}
      </View>
      <Text className='admin-card__note' id={`${id}-status`}>
        {`本期 ${state.period} · ${jobRunStatusText(state)}`}
      </Text>
      <View className='job-card__times'>
        <Text id={`${id}-started`}>{`开始 ${timeText(state.startedAtMs)}`}</Text>
        <Text id={`${id}-heartbeat`}>{`心跳 ${timeText(state.heartbeatAtMs)}`}</Text>
        <Text id={`${id}-finished`}>{`完成 ${timeText(state.finishedAtMs)}`}</Text>
      </View>
      {state.summary !== null && <JobFigures summary={state.summary} prefix={`${id}-figure`} />}
      <View className='job-card__actions'>
        <Button
          className={classNames('button button--small', busy && 'button--disabled')}
          id={`${id}-dry-run`}
          disabled={busy}
          onClick={() => void runNow(state.job, true)}
        >
          试运行
        </Button>
        <Button
          className={classNames('button button--small job-card__run', busy && 'button--disabled')}
          id={`${id}-run`}
          disabled={busy}
          onClick={() => void confirmRun(state.job).then((confirmed) => confirmed && runNow(state.job, false))}
        >
          立即运行
        </Button>
      </View>
      {run !== undefined && <RunNowResult id={id} run={run} />}
    </View>
  )
}

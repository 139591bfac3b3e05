import type { JobName, JobOutcome, JobState, JobSummary } from '@shared/contracts'

/** Each job's name on the jobs screen: a job added to JOB_NAMES fails the typecheck until it is named here. */
export const JOB_TITLES: Readonly<Record<JobName, string>> = {
  expirePoints: '积分过期',
  expiryReminders: '到期提醒',
  evaluateTiers: '等级评定',
  upgradeTiers: '门槛调整升级',
  birthdayRewards: '生日礼',
  winBack: '沉睡唤醒',
  expireOrders: '超期订单取消',
  reconcileStock: '库存校准',
  deliverGiftCoupons: '补发礼券',
  foldStats: '数据汇总',
  snapshotMembers: '会员快照',
  cleanupUploads: '清理未使用图片',
  exportCsv: '生成导出文件',
}

/** What one `jobs.run` invocation did, said plainly. */
export const JOB_OUTCOME_TEXT: Readonly<Record<JobOutcome['outcome'], string>> = {
  finished: '已完成',
  continuing: '本次未完成，下次触发从中断处继续',
  leased: '另一次运行正在进行，本次未执行',
  alreadyDone: '本期已运行完毕，无需再次运行',
}

/** The figures of a summary, in the order the screen shows them, with their labels. */
export const JOB_FIGURE_LABELS: Readonly<Record<keyof JobSummary, string>> = {
  scanned: '扫描会员',
  affected: '涉及会员',
  effects: '写入记录',
  points: '积分',
  skipped: '跳过',
  invocations: '调用次数',
}

/** A summary's figures as label and value, in JOB_FIGURE_LABELS's order. */
export function jobFigures(summary: JobSummary): readonly { key: keyof JobSummary; label: string; value: number }[] {
  return (Object.keys(JOB_FIGURE_LABELS) as (keyof JobSummary)[]).map((key) => ({
    key,
    label: JOB_FIGURE_LABELS[key],
    value: summary[key],
  }))
}

/** The current period's run in a few words: not started, running, or done. */
export function jobRunStatusText(state: Pick<JobState, 'status'>): string {
  if (state.status === null) return '本期尚未运行'
  return state.status === 'running' ? '运行中' : '已完成'
}

/** What a run now answered, as one line: `试运行：已完成` / `运行：本期已运行完毕…`. */
export function jobOutcomeText(outcome: Pick<JobOutcome, 'dryRun' | 'outcome'>): string {
  return `${outcome.dryRun ? '试运行' : '运行'}：${JOB_OUTCOME_TEXT[outcome.outcome]}`
}

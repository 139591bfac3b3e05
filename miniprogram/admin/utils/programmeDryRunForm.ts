import type { ActionInput } from '@shared/contracts'
import { fenOfYuan, noonOfDay } from './programmeForm'

/** The 试算 sample as typed: a purchase (¥, tier, day) and a check-in streak. */
export interface DryRunSample {
  readonly amountYuan: string
  readonly tierId: string
  /** `YYYY-MM-DD`; the purchase is at noon that day (China Standard Time). */
  readonly day: string
  readonly checkInDays: string
}
export type SampleErrors = Partial<Record<keyof DryRunSample, string>>

export const EMPTY_SAMPLE: DryRunSample = { amountYuan: '100', tierId: '', day: '', checkInDays: '7' }

type DryRunInput = Omit<ActionInput<'admin', 'programmeDryRun'>, 'cursor'>

/** The sample as `admin.programmeDryRun` takes it, or the problem of each field. */
export function dryRunInputOf(
  sample: DryRunSample,
): { readonly ok: true; readonly data: DryRunInput } | { readonly ok: false; readonly errors: SampleErrors } {
  const errors: Record<string, string> = {}
  const amountFen = fenOfYuan(sample.amountYuan)
  if (Number.isNaN(amountFen)) errors.amountYuan = '请填写金额（元，最多两位小数）'
  if (sample.tierId.trim() === '') errors.tierId = '请选择等级'
  const purchasedAtMs = noonOfDay(sample.day)
  if (Number.isNaN(purchasedAtMs)) errors.day = '日期格式应为 YYYY-MM-DD'
  const days = /^\d{1,2}$/.test(sample.checkInDays.trim()) ? Number(sample.checkInDays) : Number.NaN
  if (Number.isNaN(days) || days > 31) errors.checkInDays = '请填写 0–31 的天数'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, data: { purchase: { amountFen, tierId: sample.tierId.trim(), purchasedAtMs }, checkInDays: days } }
}

import { FEN_PER_YUAN } from '@shared/money'
import { type RfmThresholds, rfmThresholdsSchema } from '@shared/stats/rfm'
import { fenOfYuanText } from '@/utils/yuanInput'

/** The RFM thresholds as the form holds them: text, money in yuan. */
export interface RfmThresholdsForm {
  readonly recencyDays: string
  readonly frequency: string
  readonly monetaryYuan: string
}

export type RfmThresholdsFormErrors = Partial<Record<keyof RfmThresholdsForm, string>>

export function rfmThresholdsFormOf(thresholds: RfmThresholds): RfmThresholdsForm {
  return {
    recencyDays: String(thresholds.recencyDays),
    frequency: String(thresholds.frequency),
    monetaryYuan: String(thresholds.monetaryFen / FEN_PER_YUAN),
  }
}

const whole = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

/** The form checked by the contract's own schema, each problem next to its field. */
export function parseRfmThresholdsForm(
  form: RfmThresholdsForm,
): { ok: true; thresholds: RfmThresholds } | { ok: false; errors: RfmThresholdsFormErrors } {
  const monetaryFen = fenOfYuanText(form.monetaryYuan, Number.MAX_SAFE_INTEGER)
  const parsed = rfmThresholdsSchema.safeParse({
    recencyDays: whole(form.recencyDays),
    frequency: whole(form.frequency),
    monetaryFen: monetaryFen ?? Number.NaN,
  })
  if (parsed.success) return { ok: true, thresholds: parsed.data }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'monetaryFen' ? 'monetaryYuan' : String(issue.path[0])
    errors[field] ??= issue.code === 'invalid_type' ? '请输入数字' : issue.message
  }
  return { ok: false, errors }
}

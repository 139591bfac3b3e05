import { type AdminCouponTemplateView, saveCouponTemplateInput } from '@shared/contracts'
import type { CouponBenefit, CouponTemplateInput, CouponValidity } from '@shared/coupon'
import { formatDateTime } from '@/utils/formatTime'
import { fenOfYuanText } from '@/utils/yuanInput'
import { instantOf } from './itemForm'

/** The template form as typed: every field a string (or a choice), converted only on 保存. Money in yuan. */
export interface TemplateForm {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly kind: CouponBenefit['kind']
  /** 满减: yuan off; 兑换: the item's value in yuan. */
  readonly amountOff: string
  /** 满减 / 折扣: the order's minimum in yuan; empty for none. */
  readonly minSpend: string
  /** 折扣: `8.5` for 8.5 折. */
  readonly discount: string
  /** 折扣: the largest discount in yuan; empty for no cap. */
  readonly maxDiscount: string
  readonly itemName: string
  readonly validityKind: CouponValidity['kind']
  readonly days: string
  /** `YYYY-MM-DD HH:mm` China Standard Time. */
  readonly validFrom: string
  readonly validUntil: string
  /** Empty for unlimited. */
  readonly totalQuantity: string
  readonly perMemberLimit: string
  /** Tier ids, or store ids, separated by commas or spaces; empty for all. */
  readonly tierIds: string
  readonly storeIds: string
  /** When members may claim it themselves; both empty for always. */
  readonly claimStartsAt: string
  readonly claimEndsAt: string
}
export type TemplateFormField = keyof TemplateForm
/** The problem with each field that has one, in Chinese, shown next to it. */
export type TemplateFormErrors = Partial<Record<TemplateFormField, string>>

const EMPTY_FORM: TemplateForm = {
  id: '',
  title: '',
  description: '',
  kind: 'cashOff',
  amountOff: '',
  minSpend: '',
  discount: '',
  maxDiscount: '',
  itemName: '',
  validityKind: 'afterIssue',
  days: '30',
  validFrom: '',
  validUntil: '',
  totalQuantity: '',
  perMemberLimit: '1',
  tierIds: '',
  storeIds: '',
  claimStartsAt: '',
  claimEndsAt: '',
}

const CHECKING_REQUEST_ID = 'form-check'
const yuanText = (fen: number) => String(fen / 100)
const instantText = (ms: number) => formatDateTime(ms)

function benefitFields(benefit: CouponBenefit): Partial<TemplateForm> {
  switch (benefit.kind) {
    case 'cashOff':
      return { amountOff: yuanText(benefit.amountOffFen), minSpend: yuanText(benefit.minSpendFen) }
    case 'percentOff':
      return {
        discount: String(benefit.payPercent / 10),
        maxDiscount: benefit.maxDiscountFen === null ? '' : yuanText(benefit.maxDiscountFen),
        minSpend: yuanText(benefit.minSpendFen),
      }
    case 'exchange':
      return { itemName: benefit.itemName, amountOff: yuanText(benefit.valueFen) }
  }
}

/** The form for a template, or an empty one for a new template. */
export function templateFormOf(template: AdminCouponTemplateView | null): TemplateForm {
  if (template === null) return EMPTY_FORM
  const { validity, claimWindow } = template
  return {
    ...EMPTY_FORM,
    id: template.id,
    title: template.title,
    description: template.description ?? '',
    kind: template.benefit.kind,
    ...benefitFields(template.benefit),
    validityKind: validity.kind,
    days: validity.kind === 'afterIssue' ? String(validity.days) : EMPTY_FORM.days,
    validFrom: validity.kind === 'fixed' ? instantText(validity.startsAtMs) : '',
    validUntil: validity.kind === 'fixed' ? instantText(validity.endsAtMs) : '',
    totalQuantity: template.totalQuantity === null ? '' : String(template.totalQuantity),
    perMemberLimit: String(template.perMemberLimit),
    tierIds: template.tierIds.join(', '),
    storeIds: (template.storeIds ?? []).join(', '),
    claimStartsAt: claimWindow === null ? '' : instantText(claimWindow.startsAtMs),
    claimEndsAt: claimWindow === null ? '' : instantText(claimWindow.endsAtMs),
  }
}

/** A whole number typed in a field; NaN when it is not one (the schema then names the field). */
const wholeNumberOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)
/** Yuan typed in a field as fen; NaN when malformed, `empty` when left empty. */
const fenOf = (text: string, empty: number | null = Number.NaN) =>
  text.trim() === '' ? empty : (fenOfYuanText(text) ?? Number.NaN)
/** `8.5` (折) as the percentage paid: 85. */
const payPercentOf = (text: string) =>
  /^\d(\.\d)?$/.test(text.trim()) ? Math.round(Number(text.trim()) * 10) : Number.NaN
const listOf = (text: string) => text.split(/[\s,，]+/).filter((entry) => entry !== '')
/** An instant the schema must see as a number: NaN for empty or malformed. */
const requiredInstant = (text: string) => instantOf(text) ?? Number.NaN

function benefitOf(form: TemplateForm): CouponBenefit {
  switch (form.kind) {
    case 'cashOff':
      return {
        kind: 'cashOff',
        amountOffFen: fenOf(form.amountOff) as number,
        minSpendFen: fenOf(form.minSpend, 0) as number,
      }
    case 'percentOff':
      return {
        kind: 'percentOff',
        payPercent: payPercentOf(form.discount),
        maxDiscountFen: fenOf(form.maxDiscount, null),
        minSpendFen: fenOf(form.minSpend, 0) as number,
      }
    case 'exchange':
      return { kind: 'exchange', itemName: form.itemName, valueFen: fenOf(form.amountOff) as number }
  }
}

function claimWindowOf(form: TemplateForm) {
  if (form.claimStartsAt.trim() === '' && form.claimEndsAt.trim() === '') return null
  return { startsAtMs: requiredInstant(form.claimStartsAt), endsAtMs: requiredInstant(form.claimEndsAt) }
}

/** What `admin.saveCouponTemplate` takes as `template`. */
export function templateOf(form: TemplateForm): CouponTemplateInput {
  return {
    id: form.id.trim(),
    title: form.title,
    description: form.description,
    benefit: benefitOf(form),
    validity:
      form.validityKind === 'afterIssue'
        ? { kind: 'afterIssue', days: wholeNumberOf(form.days) }
        : { kind: 'fixed', startsAtMs: requiredInstant(form.validFrom), endsAtMs: requiredInstant(form.validUntil) },
    totalQuantity: form.totalQuantity.trim() === '' ? null : wholeNumberOf(form.totalQuantity),
    perMemberLimit: wholeNumberOf(form.perMemberLimit),
    tierIds: listOf(form.tierIds),
    claimWindow: claimWindowOf(form),
    storeIds: listOf(form.storeIds),
  }
}

/** Fields of the request (under `template.`) whose names differ from the form's, by their path. */
const REQUEST_FIELD_NAMES: Readonly<Record<string, TemplateFormField>> = {
  'benefit.amountOffFen': 'amountOff',
  'benefit.valueFen': 'amountOff',
  'benefit.minSpendFen': 'minSpend',
  'benefit.payPercent': 'discount',
  'benefit.maxDiscountFen': 'maxDiscount',
  'benefit.itemName': 'itemName',
  'validity.days': 'days',
  'validity.startsAtMs': 'validFrom',
  'validity.endsAtMs': 'validUntil',
  'claimWindow.startsAtMs': 'claimStartsAt',
  'claimWindow.endsAtMs': 'claimEndsAt',
}

/** What a field must hold, for values conversion could not make sense of. */
const MALFORMED: Partial<Record<TemplateFormField, string>> = {
  amountOff: '请填写金额（元），最多两位小数',
  minSpend: '请填写金额（元），或留空表示无门槛',
  maxDiscount: '请填写金额（元），或留空表示不封顶',
  discount: '请填写 0.1–9.9 之间的折扣，如 8.5',
  days: '请填写整数天数',
  validFrom: '请按 2026-05-01 09:30 的格式填写',
  validUntil: '请按 2026-05-01 09:30 的格式填写',
  claimStartsAt: '请按 2026-05-01 09:30 的格式填写，或两项都留空',
  claimEndsAt: '请按 2026-05-01 09:30 的格式填写，或两项都留空',
  totalQuantity: '请填写整数，或留空表示不限',
  perMemberLimit: '请填写整数',
}

/** The form field a problem's path names (`template.benefit.amountOffFen`…); null for none. */
function fieldOfPath(path: readonly PropertyKey[]): TemplateFormField | null {
  const inner = (path[0] === 'template' ? path.slice(1) : path).map(String)
  const nested = REQUEST_FIELD_NAMES[inner.slice(0, 2).join('.')]
  if (nested) return nested
  const name = inner[0] ?? ''
  return name in EMPTY_FORM ? (name as TemplateFormField) : null
}

const problemText = (field: TemplateFormField, message: string) =>
  /[\u4e00-\u9fff]/.test(message) ? message : (MALFORMED[field] ?? '格式不正确')

function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TemplateFormErrors {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const field = fieldOfPath(issue.path)
    if (field !== null && errors[field] === undefined) errors[field] = problemText(field, issue.message)
  }
  return errors
}

/**
 * The form as `admin.saveCouponTemplate` takes it, checked by the same schema the function uses,
 * or the problem with each field, in Chinese, to show next to it (the first problem per field).
 */
export function parseTemplateForm(
  form: TemplateForm,
): { ok: true; template: CouponTemplateInput } | { ok: false; errors: TemplateFormErrors } {
  const template = templateOf(form)
  const parsed = saveCouponTemplateInput.safeParse({ template, requestId: CHECKING_REQUEST_ID })
  return parsed.success ? { ok: true, template } : { ok: false, errors: errorsOf(parsed.error.issues) }
}

/** The field problems in a refusal's message (`template.title: 标题不能为空`, one per line). */
export function templateErrorsOfMessage(message: string): TemplateFormErrors {
  const issues = message.split('\n').flatMap((line) => {
    const separator = line.indexOf(': ')
    return separator < 0 ? [] : [{ path: line.slice(0, separator).split('.'), message: line.slice(separator + 2) }]
  })
  return errorsOf(issues)
}

import { type AdminItemView, saveItemInput } from '@shared/contracts'
import type { MallItemEdit } from '@shared/mall'
import { formatDateTime } from '@/utils/formatTime'

/** The item form as typed: every field a string (or the kind), converted only on 保存. */
export interface ItemForm {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly image: string
  readonly kind: MallItemEdit['kind']
  readonly couponTemplateId: string
  readonly pointsPrice: string
  readonly perMemberLimit: string
  /** Tier ids separated by commas or spaces; empty for every tier. */
  readonly tierIds: string
  /** `YYYY-MM-DD HH:mm` in China Standard Time; empty for open-ended. */
  readonly saleStartsAt: string
  readonly saleEndsAt: string
  /** Units on sale when the item is created (stock moves only by 调整库存 after that). */
  readonly initialStock: string
}
export type ItemFormField = keyof ItemForm
/** The problem with each field that has one, in Chinese, shown next to it. */
export type ItemFormErrors = Partial<Record<ItemFormField, string>>

/** What `admin.saveItem` takes, without the request id. */
export interface ItemSave {
  readonly item: MallItemEdit
  readonly initialStock: number
}

const EMPTY_FORM: ItemForm = {
  id: '',
  title: '',
  description: '',
  image: '',
  kind: 'pickup',
  couponTemplateId: '',
  pointsPrice: '',
  perMemberLimit: '',
  tierIds: '',
  saleStartsAt: '',
  saleEndsAt: '',
  initialStock: '0',
}

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 3_600_000
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/
/** A request id of the right shape, for checking a form before it has its real one. */
const CHECKING_REQUEST_ID = 'form-check'
/** Fields of the request whose names differ from the form's. */
const REQUEST_FIELD_NAMES: Readonly<Record<string, ItemFormField>> = {
  saleStartsAtMs: 'saleStartsAt',
  saleEndsAtMs: 'saleEndsAt',
}

/** The form for an item, or an empty one for a new item. */
export function itemFormOf(item: AdminItemView | null): ItemForm {
  if (item === null) return EMPTY_FORM
  return {
    ...EMPTY_FORM,
    id: item.id,
    title: item.title,
    description: item.description,
    image: item.image ?? '',
    kind: item.kind,
    couponTemplateId: item.couponTemplateId ?? '',
    pointsPrice: String(item.pointsPrice),
    perMemberLimit: item.perMemberLimit === null ? '' : String(item.perMemberLimit),
    tierIds: item.tierIds.join(', '),
    saleStartsAt: item.saleStartsAtMs === null ? '' : formatDateTime(item.saleStartsAtMs),
    saleEndsAt: item.saleEndsAtMs === null ? '' : formatDateTime(item.saleEndsAtMs),
  }
}

/** A whole number typed in a field; NaN when it is not one (the schema then names the field). */
function wholeNumberOf(text: string): number {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
}

/** An instant typed as `YYYY-MM-DD HH:mm` China Standard Time; null when empty, NaN when malformed. */
export function instantOf(text: string): number | null {
  if (text.trim() === '') return null
  const parts = DATE_TIME_PATTERN.exec(text.trim())
  if (parts === null) return Number.NaN
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number]
  const utcMs = Date.UTC(year, month - 1, day, hour, minute)
  // Date.UTC rolls 02-30 over into March: a date that does not exist is malformed.
  return new Date(utcMs).getUTCDate() === day ? utcMs - CHINA_STANDARD_TIME_OFFSET_MS : Number.NaN
}

/** What a form field must hold, for the values conversion could not make sense of. */
const MALFORMED: Partial<Record<ItemFormField, string>> = {
  pointsPrice: '请填写整数积分',
  perMemberLimit: '请填写整数，或留空表示不限',
  initialStock: '请填写整数库存',
  saleStartsAt: '请按 2026-05-01 09:30 的格式填写，或留空',
  saleEndsAt: '请按 2026-05-01 09:30 的格式填写，或留空',
}

function textOrNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim()
}

function saveOf(form: ItemForm): ItemSave {
  return {
    item: {
      id: form.id.trim(),
      title: form.title,
      description: form.description,
      image: textOrNull(form.image),
      kind: form.kind,
      couponTemplateId: textOrNull(form.couponTemplateId),
      pointsPrice: wholeNumberOf(form.pointsPrice),
      perMemberLimit: form.perMemberLimit.trim() === '' ? null : wholeNumberOf(form.perMemberLimit),
      tierIds: form.tierIds.split(/[\s,，]+/).filter((tierId) => tierId !== ''),
      saleStartsAtMs: instantOf(form.saleStartsAt),
      saleEndsAtMs: instantOf(form.saleEndsAt),
    },
    initialStock: wholeNumberOf(form.initialStock),
  }
}

/** The form field a problem's path names (`item.title`, `initialStock`…); null for none. */
function fieldOfPath(path: readonly PropertyKey[]): ItemFormField | null {
  const name = String(path[0] === 'item' ? path[1] : path[0])
  if (name in REQUEST_FIELD_NAMES) return REQUEST_FIELD_NAMES[name] as ItemFormField
  return name in EMPTY_FORM ? (name as ItemFormField) : null
}

/** A problem in Chinese: the schema's own message, or the field's expected shape for a type mismatch. */
function problemText(field: ItemFormField, message: string): string {
  return /[\u4e00-\u9fff]/.test(message) ? message : (MALFORMED[field] ?? '格式不正确')
}

/**
 * The form as `admin.saveItem` takes it, checked by the same schema the function uses, or the
 * problem with each field, in Chinese, to show next to it (the first problem per field).
 */
export function parseItemForm(form: ItemForm): { ok: true; save: ItemSave } | { ok: false; errors: ItemFormErrors } {
  const save = saveOf(form)
  const parsed = saveItemInput.safeParse({ ...save, requestId: CHECKING_REQUEST_ID })
  if (parsed.success) return { ok: true, save }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path)
    if (field !== null && errors[field] === undefined) errors[field] = problemText(field, issue.message)
  }
  return { ok: false, errors }
}

/**
 * The field problems in a refusal's message (`item.title: 标题不能为空`, one per line), when it names fields. The
 * function's message starts with the code's headline (`输入有误：item.image: …`), which is not part of a field.
 */
export function fieldErrorsOfMessage(message: string): ItemFormErrors {
  const errors: Record<string, string> = {}
  for (const line of message.replace(/^[^:：\n]*：/, '').split('\n')) {
    const separator = line.indexOf(': ')
    if (separator < 0) continue
    const field = fieldOfPath(line.slice(0, separator).split('.'))
    if (field !== null && errors[field] === undefined) errors[field] = problemText(field, line.slice(separator + 2))
  }
  return errors
}

import type { ProgrammeInput } from '@shared/programme/schema'
import { programmeSchema } from '@shared/programme/schema'
import type { z } from 'zod'

/**
 * The 会员规则 form: the programme as the admin edits it, held whole (ProgrammeInput's shape), each
 * field addressed by its path (`tiers.1.growthThreshold`), the same paths the schema's problems and
 * the function's INVALID_PROGRAMME lines name, so every problem lands next to its field.
 */
export type ProgrammeForm = Record<string, unknown>
/** The problem with each field that has one, by path, in Chinese. */
export type ProgrammeFormErrors = Readonly<Record<string, string>>

export type FieldPath = readonly (string | number)[]

/** The path as the errors name it. */
export function pathKey(path: FieldPath): string {
  return path.map(String).join('.')
}

/** The value at a path; undefined where the form has none. */
export function valueAt(form: unknown, path: FieldPath): unknown {
  let value = form
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[step]
  }
  return value
}

/** A copy of the form with `value` at `path` (objects and arrays along it copied, never shared). */
export function withValueAt<T>(form: T, path: FieldPath, value: unknown): T {
  const [step, ...rest] = path
  if (step === undefined) return value as T
  const container = (form ?? (typeof step === 'number' ? [] : {})) as Record<string | number, unknown>
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>
  copy[step] = withValueAt(container[step], rest, value)
  return copy as T
}

/** A whole number as typed; the text itself when it is not one (the schema then names the field). */
export function wholeNumberOrText(text: string): number | string {
  const trimmed = text.trim()
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

/** What a number field shows: the number, or the text the admin typed that is not one yet. */
export function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

/** Ids separated by commas or spaces, as the list they stand for. */
export function listOf(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/** One schema problem in Chinese: the schema's own messages are; zod's bounds and types are not. */
function problemText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? '请填写整数' : '请填写此项'
    case 'too_small':
      return issue.origin === 'array' ? `至少 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`
    case 'too_big':
      return issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`
    case 'invalid_value':
      return '请选择一项'
    default:
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确'
  }
}

/** The first problem of each field, by path. */
function errorsOfIssues(issues: readonly z.core.$ZodIssue[]): ProgrammeFormErrors {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[pathKey(issue.path as FieldPath)] ??= problemText(issue)
  return errors
}

/** The form checked as the function will check it: the programme, or every problem by path. */
export function checkProgrammeForm(
  form: ProgrammeForm,
):
  | { readonly ok: true; readonly programme: ProgrammeInput }
  | { readonly ok: false; readonly errors: ProgrammeFormErrors } {
  const parsed = programmeSchema.safeParse(form)
  return parsed.success
    ? { ok: true, programme: form as ProgrammeInput }
    : { ok: false, errors: errorsOfIssues(parsed.error.issues) }
}

/** The problems an INVALID_PROGRAMME answer names, one `path: message` a line, by path. */
export function fieldErrorsOfProgrammeMessage(message: string): ProgrammeFormErrors {
  const errors: Record<string, string> = {}
  for (const line of message.split('\n')) {
    const match = /([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*): (.+)$/.exec(line)
    if (match?.[1] && match[2]) errors[match[1]] ??= match[2]
  }
  return errors
}

/** The first of the errors at or under a path (a list's own problem shows on the list). */
export function errorAt(errors: ProgrammeFormErrors, path: FieldPath): string | undefined {
  return errors[pathKey(path)]
}

/** A ¥ amount typed (`45.67`) in fen; NaN when it is not one. */
export function fenOfYuan(text: string): number {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!match) return Number.NaN
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Noon, China Standard Time, of a `YYYY-MM-DD` day: a sample purchase's instant; NaN for another text. */
export function noonOfDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim())
  if (!match) return Number.NaN
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 4)
}

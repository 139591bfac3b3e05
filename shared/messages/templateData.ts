import { err, ok, type Result } from '../result'
import { TEMPLATE_VALUE_LENGTH_MAX } from './templateValues'

/** A subscribe message's `data`, as `subscribeMessage.send` takes it. */
export type TemplateData = Readonly<Record<string, { readonly value: string }>>

const KEY_PATTERN = /^([a-z_]+)(\d+)$/
const DATE_PATTERN = /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2}(:\d{2})?)?$/
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/

function problemOf(key: string, value: string): string | null {
  const type = KEY_PATTERN.exec(key)?.[1]
  if (type === undefined) return `${key}：不是模板字段名`
  if (value === '') return `${key}：不能为空`
  const lengthMax = (TEMPLATE_VALUE_LENGTH_MAX as Readonly<Record<string, number>>)[type]
  if (lengthMax !== undefined && [...value].length > lengthMax) return `${key}：超过 ${lengthMax} 个字符`
  if (type === 'number' && !NUMBER_PATTERN.test(value)) return `${key}：只能是数字`
  if (type === 'date' && !DATE_PATTERN.test(value)) return `${key}：日期应为 YYYY年MM月DD日`
  if (type === 'character_string' && !/^[\x21-\x7e]+$/.test(value)) return `${key}：只能是字母、数字和符号`
  return null
}

/** `data` when every value fits its keyword type's rules (length, and the form of numbers, dates and codes). */
export function checkTemplateData(data: TemplateData): Result<TemplateData, 'INVALID_INPUT'> {
  for (const [key, { value }] of Object.entries(data)) {
    const problem = problemOf(key, value)
    if (problem !== null) return err('INVALID_INPUT', problem)
  }
  return ok(data)
}

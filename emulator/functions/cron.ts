/**
 * CloudBase's timer cron: seven fields, `second minute hour day-of-month month day-of-week year`,
 * read in UTC+8 whatever the server's zone. Each field is `*`, a number, a range `a-b`, a list
 * `a,b`, or a step `*\/n` / `a-b/n`; day-of-week counts 0 (Sunday) to 6 (7 is Sunday too).
 */

/** The values each field may hold, in field order. */
const FIELD_RANGES: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
  [1970, 2199],
]
const FIELD_NAMES = ['second', 'minute', 'hour', 'day', 'month', 'weekday', 'year']
const UTC_PLUS_8_MS = 8 * 3_600_000

/** A parsed cron expression: the allowed values of each field. */
export type CronSchedule = readonly ReadonlySet<number>[]

function valuesOf(field: string, [low, high]: readonly [number, number], name: string): Set<number> {
  const values = new Set<number>()
  for (const part of field.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!match) throw new RangeError(`cron ${name} field "${field}" is not understood`)
    const [, , from, to, step] = match
    const start = from === undefined ? low : Number(from)
    const end = from === undefined ? high : to === undefined ? (step === undefined ? start : high) : Number(to)
    const by = step === undefined ? 1 : Number(step)
    if (start < low || end > high || start > end || by < 1) {
      throw new RangeError(`cron ${name} field "${field}" is out of ${low}-${high}`)
    }
    for (let value = start; value <= end; value += by) values.add(name === 'weekday' && value === 7 ? 0 : value)
  }
  return values
}

/** Parses a seven-field cron expression; throws a RangeError naming the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== FIELD_RANGES.length) throw new RangeError(`cron "${expression}" needs 7 fields`)
  return fields.map((field, index) =>
    valuesOf(field, FIELD_RANGES[index] as readonly [number, number], FIELD_NAMES[index] as string),
  )
}

/** Whether the schedule fires in the second that contains `ms` (in UTC+8). */
export function cronMatches(schedule: CronSchedule, ms: number): boolean {
  const local = new Date(ms + UTC_PLUS_8_MS)
  const fields = [
    local.getUTCSeconds(),
    local.getUTCMinutes(),
    local.getUTCHours(),
    local.getUTCDate(),
    local.getUTCMonth() + 1,
    local.getUTCDay(),
    local.getUTCFullYear(),
  ]
  return fields.every((value, index) => schedule[index]?.has(value))
}

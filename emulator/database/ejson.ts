/**
 * MongoDB Extended JSON as CloudBase speaks it: the SDK sends canonical EJSON strings (plus its own
 * `$tcb_server_date`), and parses replies with relaxed EJSON, so documents are stored and answered in one
 * text form: plain JSON numbers, `{"$date":{"$numberLong":"…"}}` for dates, `$regularExpression` for patterns.
 */

/** A decoded JSON-like value: what queries, updates and documents are made of inside the emulator. */
export type Value =
  | null
  | boolean
  | number
  | string
  | Date
  | RegExp
  | readonly Value[]
  | { readonly [key: string]: Value }

/** A decoded document or query object. */
export type DocumentObject = Record<string, Value>

/** Options for decoding: the clock that `db.serverDate()` resolves against. */
export interface DecodeOptions {
  readonly nowMs: number
}

function decodeNumber(text: string): number {
  return Number(text)
}

function decodeSpecial(object: Record<string, unknown>, options: DecodeOptions): Value | undefined {
  const keys = Object.keys(object)
  if (keys.length !== 1) return undefined
  const key = keys[0] as string
  const inner = object[key]
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return typeof inner === 'string' ? decodeNumber(inner) : undefined
    case '$date':
      return decodeDate(inner)
    case '$oid':
      return typeof inner === 'string' ? inner : undefined
    case '$regularExpression': {
      const pattern = inner as { pattern?: unknown; options?: unknown }
      if (typeof pattern?.pattern !== 'string') return undefined
      return new RegExp(pattern.pattern, typeof pattern.options === 'string' ? pattern.options : '')
    }
    case '$tcb_server_date': {
      const offset = (inner as { offset?: unknown } | null)?.offset
      const offsetMs = offset === undefined ? 0 : Number(decodeValue(offset, options))
      return new Date(options.nowMs + offsetMs)
    }
    default:
      return undefined
  }
}

function decodeDate(inner: unknown): Date | undefined {
  if (typeof inner === 'number') return new Date(inner)
  if (typeof inner === 'string') return new Date(inner)
  if (inner !== null && typeof inner === 'object') {
    const long = (inner as { $numberLong?: unknown }).$numberLong
    if (typeof long === 'string') return new Date(Number(long))
  }
  return undefined
}

/** Turns parsed EJSON (canonical or relaxed) into plain values with `Date` and `RegExp` instances. */
export function decodeValue(raw: unknown, options: DecodeOptions): Value {
  if (raw === null || typeof raw !== 'object') return raw as Value
  if (Array.isArray(raw)) return raw.map((item) => decodeValue(item, options))
  const special = decodeSpecial(raw as Record<string, unknown>, options)
  if (special !== undefined) return special
  const result: Record<string, Value> = {}
  for (const [key, item] of Object.entries(raw as Record<string, unknown>)) {
    result[key] = decodeValue(item, options)
  }
  return result
}

/** Parses one EJSON string sent by the SDK; throws SyntaxError on malformed text. */
export function parseEjson(text: string, options: DecodeOptions): Value {
  return decodeValue(JSON.parse(text), options)
}

function encodeReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key]
  // Tag checks rather than instanceof: values may come from another realm (jest's vm context, worker threads).
  const tag = Object.prototype.toString.call(original)
  if (tag === '[object Date]') return { $date: { $numberLong: String((original as Date).getTime()) } }
  if (tag === '[object RegExp]') {
    const pattern = original as RegExp
    return { $regularExpression: { pattern: pattern.source, options: pattern.flags } }
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) }
  if (value === undefined) return undefined
  return value
}

/** Encodes a value as the EJSON text the emulator stores and answers (relaxed numbers, canonical dates). */
export function stringifyEjson(value: Value): string {
  return JSON.stringify(value, encodeReplacer)
}

function storedReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    if ('$date' in record || '$regularExpression' in record || '$numberDouble' in record) {
      const special = decodeSpecial(record, { nowMs: 0 })
      if (special !== undefined) return special
    }
  }
  return value
}

/** A deep copy made in this realm (dates stay dates), by a round trip through the stored form. */
export function cloneDocument(document: DocumentObject): DocumentObject {
  return parseStored(stringifyEjson(document))
}

/** Parses a document stored by {@link stringifyEjson} back into values. */
export function parseStored(text: string): DocumentObject {
  return JSON.parse(text, storedReviver) as DocumentObject
}

import { TEMPLATE_VALUE_LENGTH_MAX } from '@shared/messages/templateValues'
import type { DocumentObject } from '../database/ejson'
import { invalidOpenid, invalidTemplateArgument, invalidTemplateId } from './errors'
import type { OpenApi, OpenApiParameters } from './types'

/** The collection subscribe messages are recorded in, instead of being delivered. */
export const OUTBOX_COLLECTION = 'outbox'

/**
 * Characters a template value may have, by the keyword type its key starts with (`thing1`, `amount3`, …): WeChat's
 * documented limits, kept once in the shared core; a longer value fails with 47003, as in production.
 */
export { TEMPLATE_VALUE_LENGTH_MAX }

/** The outbox document of one sent message. */
export interface OutboxMessage {
  readonly _id: string
  readonly touser: string
  readonly templateId: string
  readonly page: string | null
  readonly data: Readonly<Record<string, { readonly value: string }>>
  readonly miniprogramState: string | null
  readonly lang: string | null
  readonly sentAtMs: number
  /** The sending invocation's TCB_SEQID, or null. */
  readonly invocationId: string | null
}

function keywordTypeOf(key: string): string {
  return key.replace(/\d+$/, '')
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

function templateDataOf(data: unknown): Record<string, { value: string }> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalidTemplateArgument('data is not an object')
  }
  const checked: Record<string, { value: string }> = {}
  for (const [key, entry] of Object.entries(data)) {
    const raw = entry !== null && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined
    const value = typeof raw === 'number' ? String(raw) : raw
    if (!nonEmptyString(value)) throw invalidTemplateArgument(`data.${key}.value is emtpy`)
    const lengthMax = (TEMPLATE_VALUE_LENGTH_MAX as Readonly<Record<string, number>>)[keywordTypeOf(key)]
    if (lengthMax !== undefined && [...value].length > lengthMax) {
      throw invalidTemplateArgument(`data.${key}.value exceeds ${lengthMax} characters`)
    }
    checked[key] = { value }
  }
  return checked
}

function optionalString(parameters: OpenApiParameters, key: string): string | null {
  const value = parameters[key]
  return typeof value === 'string' ? value : null
}

/**
 * `cloud.openapi.subscribeMessage.send`: validated as WeChat does (40003 without `touser`, 40037 without
 * `template_id`, 47003 for an empty or too long value), then recorded in the outbox and answered `errcode: 0`.
 * Subscriptions are not tracked: a user who never opted in still "receives" the message (no 43101).
 */
export const sendSubscribeMessage: OpenApi = (parameters, context) => {
  const touser = parameters.touser
  if (!nonEmptyString(touser)) throw invalidOpenid()
  const templateId = parameters.template_id
  if (!nonEmptyString(templateId)) throw invalidTemplateId()
  const message: OutboxMessage = {
    _id: context.newId(),
    touser,
    templateId,
    page: optionalString(parameters, 'page'),
    data: templateDataOf(parameters.data),
    miniprogramState: optionalString(parameters, 'miniprogram_state'),
    lang: optionalString(parameters, 'lang'),
    sentAtMs: context.nowMs,
    invocationId: context.invocationId,
  }
  const { store } = context
  store.atomically(() => {
    store.createCollection(OUTBOX_COLLECTION)
    store.insert(OUTBOX_COLLECTION, message as unknown as DocumentObject)
  })
  return { kind: 'json', body: {} }
}

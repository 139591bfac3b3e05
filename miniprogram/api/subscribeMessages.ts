import { SUBSCRIBE_TEMPLATES_PER_REQUEST_MAX } from '@shared/contracts'
import { type TemplateKey, templateIdsFrom } from '@shared/messages'
import Taro from '@tarojs/taro'
import { newRequestId } from '@/utils/requestId'
import { callAction } from './client'

/** What the opt-in dialog answered, by template id. */
type Answers = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>

/** The template ids of this build (config/index.ts), for `keys`: a key without one is never asked for. */
function templateIdsOf(keys: readonly TemplateKey[]): string[] {
  // Absent where no Taro build defined it (page tests that set none): nothing to ask for.
  const variables = typeof SUBSCRIBE_TEMPLATE_VARIABLES === 'undefined' ? {} : SUBSCRIBE_TEMPLATE_VARIABLES
  const ids = templateIdsFrom(variables)
  return keys
    .flatMap((key) => {
      const id = ids[key]
      return id ? [id] : []
    })
    .slice(0, SUBSCRIBE_TEMPLATES_PER_REQUEST_MAX)
}

/** Whether this build can ask for any of `keys`. */
export function canAskForMessages(keys: readonly TemplateKey[]): boolean {
  return templateIdsOf(keys).length > 0
}

/** WeChat's one-time opt-in dialog; it opens only inside a tap, so this must be the tap's first await. */
async function wechatDialog(templateIds: string[]): Promise<Answers> {
  const { errMsg: _errMsg, ...answers } = (await Taro.requestSubscribeMessage({
    tmplIds: templateIds,
    entityIds: [],
  } as never)) as unknown as Record<string, string>
  return answers as Answers
}

/**
 * Local mode (H5) has no `requestSubscribeMessage`: a modal offers the same accept-or-decline
 * choice, so a person or a browser test can play either answer; the local cloud's outbox then
 * shows what WeChat would have delivered.
 */
async function localDialog(templateIds: string[]): Promise<Answers> {
  const { confirm } = await Taro.showModal({
    title: '订阅消息（本地模拟）',
    content: '允许本小程序发送一次提醒消息？',
    confirmText: '允许',
    cancelText: '拒绝',
  })
  return Object.fromEntries(templateIds.map((id) => [id, confirm ? 'accept' : 'reject'])) as Answers
}

export type AskOutcome = 'accepted' | 'declined' | 'failed'

/**
 * Asks the member for one message of each of `keys` and records the answer with the server (which
 * counts each accept as one message it may send). Call it from a tap only.
 */
export async function askForMessages(keys: readonly TemplateKey[]): Promise<AskOutcome> {
  const templateIds = templateIdsOf(keys)
  if (templateIds.length === 0) return 'failed'
  let answers: Answers
  try {
    answers = process.env.TARO_ENV === 'h5' ? await localDialog(templateIds) : await wechatDialog(templateIds)
  } catch (error) {
    console.error('requestSubscribeMessage failed', error)
    return 'failed'
  }
  if (!Object.values(answers).includes('accept')) return 'declined'
  const recorded = await callAction('member', 'recordSubscriptions', { requestId: newRequestId(), answers })
  return recorded.ok ? 'accepted' : 'failed'
}

import type { TemplateKey } from '@shared/messages'

/**
 * `subscriptions/<memberId>:<templateKey>`: the one-time opt-ins a member gave a template and that no
 * message has used yet (each accept in `requestSubscribeMessage` allows WeChat to deliver one message).
 */
export interface SubscriptionDocument {
  readonly _id: string
  readonly memberId: string
  readonly templateKey: TemplateKey
  readonly count: number
  /** The latest opt-in requests counted, newest last: a retried request finds its id and counts nothing. */
  readonly requestIds: readonly string[]
  readonly updatedAtMs: number
}

/**
 * `reminders/<key>`: one message the programme means to send once (a lot's expiry reminder, a coupon's),
 * keyed by what it is about. `sending`: an opt-in was consumed for it and the send was (or is being)
 * attempted: never sent again. `sent`: WeChat took it. `notSubscribed`: there was no opt-in when it was
 * due (a later run sends it if one arrives). `failed`: WeChat refused it (its opt-in given back unless
 * WeChat said the member had none); a later run tries again.
 */
export interface ReminderDocument {
  readonly _id: string
  readonly memberId: string
  readonly templateKey: TemplateKey
  readonly status: ReminderStatus
  readonly updatedAtMs: number
  /** WeChat's errcode when it refused the message. */
  readonly errCode: number | null
}

export type ReminderStatus = 'sending' | 'sent' | 'notSubscribed' | 'failed'

/** The id of a member's opt-in counter for a template. */
export function subscriptionIdOf(memberId: string, templateKey: TemplateKey): string {
  return `${memberId}:${templateKey}`
}

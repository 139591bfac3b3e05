/**
 * Sending a subscribe message at most once per key, spending exactly one of the member's one-time
 * opt-ins on it.
 *
 * The order, and why:
 * 1. One unit of work claims the message: it reads the key's record and the member's opt-in counter;
 *    with an opt-in left it writes the record as `sending` and takes one off the counter, together.
 *    Without one it records `notSubscribed` and sends nothing. Two runs racing for one key conflict on
 *    the record (or the counter), so only one claims it; the other finds the claim on its rerun.
 * 2. Only then is the message sent. Sending first would send twice whenever an invocation died
 *    between the send and the record; consuming outside the claim would burn an opt-in with no
 *    record of what for whenever it died between the two.
 * 3. WeChat's answer settles the record: `sent`, or `failed` with the opt-in given back (except when
 *    WeChat says the member has none: 43101), so a later run tries again.
 * An invocation that dies between 1 and 3 leaves `sending`: the message may or may not have gone
 * out, and it is never sent again. A missed reminder is the lesser harm than a duplicate, and the
 * opt-in was spent on a send WeChat may well have delivered (its own opt-in is then spent too).
 */
import type { SubscribeMessage, TemplateKey } from '@shared/messages'
import { type Database, sdk } from './cloud'
import { isDuplicateKeyError } from './databaseErrors'
import { type ReminderDocument, type SubscriptionDocument, subscriptionIdOf } from './documents/messages'
import { configuredTemplateIds } from './messageTemplates'
import { runUnitOfWork, type UnitOfWork } from './unitOfWork'

/** WeChat's errcode for a message the user holds no opt-in for. */
const NO_OPT_IN_ERRCODE = 43101

/** One message meant for one member, once: `key` names what it is about (`points:<member>:<lot>`). */
export interface MessageOnce {
  readonly key: string
  readonly memberId: string
  /** The member's openid: who WeChat delivers to. */
  readonly touser: string
  readonly message: SubscribeMessage
}

export type SendOutcome = 'sent' | 'alreadySent' | 'notSubscribed' | 'failed'

/** Whether a record means the message went out (or may have): never send it again. */
export function isSentOrSending(record: Pick<ReminderDocument, 'status'> | null | undefined): boolean {
  return record?.status === 'sent' || record?.status === 'sending'
}

function recordOf(once: MessageOnce, status: ReminderDocument['status'], nowMs: number): ReminderDocument {
  return {
    _id: once.key,
    memberId: once.memberId,
    templateKey: once.message.templateKey,
    status,
    updatedAtMs: nowMs,
    errCode: null,
  }
}

async function claim(db: Database, once: MessageOnce, nowMs: number): Promise<'claimed' | SendOutcome> {
  const counterId = subscriptionIdOf(once.memberId, once.message.templateKey)
  return runUnitOfWork(db, async (unit) => {
    const [record, counter] = await Promise.all([
      unit.read('reminders', once.key),
      unit.read('subscriptions', counterId),
    ])
    if (isSentOrSending(record)) return 'alreadySent'
    if (counter === null || counter.count <= 0) {
      if (record === null) unit.create('reminders', recordOf(once, 'notSubscribed', nowMs))
      return 'notSubscribed'
    }
    // A new record is created, so a twin's record makes this claim run again and find it.
    const claimed = recordOf(once, 'sending', nowMs)
    if (record === null) unit.create('reminders', claimed)
    else unit.replace('reminders', claimed)
    unit.update('subscriptions', counterId, { count: counter.count - 1, updatedAtMs: nowMs })
    return 'claimed'
  })
}

function errCodeOf(error: unknown): number | null {
  const code = (error as { errCode?: unknown })?.errCode
  return typeof code === 'number' ? code : null
}

/** Settles a claimed message WeChat refused: `failed`, its opt-in back unless WeChat says there was none. */
async function release(db: Database, once: MessageOnce, errCode: number | null, nowMs: number): Promise<void> {
  const counterId = subscriptionIdOf(once.memberId, once.message.templateKey)
  await runUnitOfWork(db, async (unit: UnitOfWork) => {
    const [record, counter] = await Promise.all([
      unit.read('reminders', once.key),
      unit.read('subscriptions', counterId),
    ])
    if (record?.status !== 'sending') return
    unit.replace('reminders', { ...recordOf(once, 'failed', nowMs), errCode })
    if (counter !== null && errCode !== NO_OPT_IN_ERRCODE) {
      unit.update('subscriptions', counterId, { count: counter.count + 1, updatedAtMs: nowMs })
    }
  })
}

/**
 * Sends `once.message` unless its key was sent before, spending one opt-in (see the order above).
 * A template without a configured id sends nothing: nobody could have opted in to it.
 * Requests: start, record and counter, their writes, commit, then the send and the record's update:
 * 7 (the send is not a database request); 4 or 5 without an opt-in.
 */
export async function sendOnce(db: Database, once: MessageOnce, nowMs: number): Promise<SendOutcome> {
  const templateId = configuredTemplateIds()[once.message.templateKey]
  if (templateId === undefined) return 'notSubscribed'
  const claimed = await claim(db, once, nowMs)
  if (claimed !== 'claimed') return claimed
  try {
    await sdk().openapi.subscribeMessage.send({
      touser: once.touser,
      templateId,
      page: once.message.page,
      data: once.message.data,
    } as never)
  } catch (error) {
    console.error('subscribeMessage.send failed', once.key, error)
    await release(db, once, errCodeOf(error), nowMs)
    return 'failed'
  }
  await db
    .collection('reminders')
    .doc(once.key)
    .update({ data: { status: 'sent', updatedAtMs: nowMs } })
  return 'sent'
}

/**
 * Records that a message was due and the member had no opt-in, without a transaction: for a caller
 * that read the record's absence and the empty counter already. A record written meanwhile wins.
 */
export async function recordNotSubscribed(db: Database, once: MessageOnce, nowMs: number): Promise<void> {
  try {
    await db.collection('reminders').add({ data: { ...recordOf(once, 'notSubscribed', nowMs) } })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
}

/** The opt-ins left of `templateKey` on each of `counters`, by member id. */
export function optInsByMember(
  counters: readonly SubscriptionDocument[],
  templateKey: TemplateKey,
): Map<string, number> {
  const left = new Map<string, number>()
  for (const counter of counters) if (counter.templateKey === templateKey) left.set(counter.memberId, counter.count)
  return left
}

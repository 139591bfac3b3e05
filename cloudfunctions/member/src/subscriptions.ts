import { API } from '@shared/contracts'
import { type TemplateKey, templateKeyOf } from '@shared/messages'
import { err, ok } from '@shared/result'
import { database } from '../../common/cloud'
import { type SubscriptionDocument, subscriptionIdOf } from '../../common/documents/messages'
import { configuredTemplateIds } from '../../common/messageTemplates'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'

/** Request ids a counter remembers: far more than the retries of one dialog's answer. */
const REMEMBERED_REQUESTS = 10

/** The templates of this programme the member accepted; other ids (and rejects, bans, filters) count nothing. */
function acceptedKeys(answers: Readonly<Record<string, string>>): TemplateKey[] {
  const ids = configuredTemplateIds()
  const keys = Object.entries(answers).flatMap(([templateId, answer]) => {
    const key = answer === 'accept' ? templateKeyOf(ids, templateId) : null
    return key === null ? [] : [key]
  })
  return [...new Set(keys)]
}

function counted(
  previous: SubscriptionDocument | null,
  ids: { memberId: string; templateKey: TemplateKey; requestId: string },
  nowMs: number,
): SubscriptionDocument {
  const { memberId, templateKey, requestId } = ids
  return {
    _id: subscriptionIdOf(memberId, templateKey),
    memberId,
    templateKey,
    count: (previous?.count ?? 0) + 1,
    requestIds: [...(previous?.requestIds ?? []), requestId].slice(-REMEMBERED_REQUESTS),
    updatedAtMs: nowMs,
  }
}

/**
 * `member.recordSubscriptions`: what the opt-in dialog answered. Each accepted template of this
 * programme allows one more message; a request already counted (a retry, a twin) counts nothing,
 * because its id is on the counters it added to: a twin committing first makes this unit's write
 * conflict, and its rerun finds the id. Rejects are accepted and record nothing.
 *
 * Requests: none when nothing was accepted; else start, the member and each accepted counter (in
 * parallel), each counter's write, commit: 5 for one template.
 */
export const recordSubscriptions = defineAction(API.member.recordSubscriptions, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const keys = acceptedKeys(input.answers)
  if (keys.length === 0) return ok({ counts: {} })
  return runUnitOfWork(database(), async (unit) => {
    const [member, ...counters] = await Promise.all([
      unit.read('members', memberId.data),
      ...keys.map((key) => unit.read('subscriptions', subscriptionIdOf(memberId.data, key))),
    ])
    if (member === null) return err('NOT_A_MEMBER')
    const counts: Partial<Record<TemplateKey, number>> = {}
    keys.forEach((templateKey, index) => {
      const previous = (counters[index] ?? null) as SubscriptionDocument | null
      if (previous?.requestIds.includes(input.requestId)) {
        counts[templateKey] = previous.count
        return
      }
      const next = counted(previous, { memberId: memberId.data, templateKey, requestId: input.requestId }, caller.nowMs)
      unit.replace('subscriptions', next)
      counts[templateKey] = next.count
    })
    return ok({ counts })
  })
})

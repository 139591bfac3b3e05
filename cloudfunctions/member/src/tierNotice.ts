import { API } from '@shared/contracts'
import { ok } from '@shared/result'
import { database } from '../../common/cloud'
import { callerMemberId } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/**
 * `member.dismissTierNotice`: the member has read the card's tier-change line, so the card stops
 * showing it. Only the notice named goes: one the job wrote since (a later change) stays. One
 * conditional update (atomic, no transaction): 1 request.
 */
export const dismissTierNotice = defineAction(API.member.dismissTierNotice, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const { stats } = await database()
    .collection('members')
    .where({ _id: memberId.data, 'tierNotice.historyId': input.historyId })
    .update({ data: { tierNotice: null } })
  return ok({ dismissed: stats.updated === 1 })
})

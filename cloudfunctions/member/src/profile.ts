import { API, type Profile } from '@shared/contracts'
import { decideProfileUpdate, type Member, maskPhoneNumber, type ProfileChanges } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { database, sdk } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'
import { runUnitOfWork } from '../../common/unitOfWork'

function profileOf(member: Member): Profile {
  const { nickname, avatarUrl, birthday, phoneNumber } = member.profile
  return {
    nickname,
    avatarUrl,
    birthday,
    phoneNumber: phoneNumber === null ? null : maskPhoneNumber(phoneNumber),
    completionRewarded: member.profileCompletionRewarded,
  }
}

/** Resolves getPhoneNumber's cloudID on the server, where WeChat vouches for the number. */
async function phoneNumberOf(cloudId: string): Promise<Result<string, 'PHONE_NUMBER_UNAVAILABLE'>> {
  try {
    const { list } = (await sdk().getOpenData({ list: [cloudId] })) as {
      list: { data?: { phoneNumber?: string } }[]
    }
    const phoneNumber = list[0]?.data?.phoneNumber
    return phoneNumber ? ok(phoneNumber) : err('PHONE_NUMBER_UNAVAILABLE')
  } catch (error) {
    console.error('getOpenData failed', error)
    return err('PHONE_NUMBER_UNAVAILABLE')
  }
}

/** `member.profile`: the caller's profile, phone number masked. */
export const profile = defineAction(API.member.profile, async (_input, caller) => {
  const member = await loadCallerMember(database(), caller)
  return member.ok ? ok(profileOf(member.data)) : member
})

/**
 * `member.updateProfile`: nickname and avatar freely, birthday once (it drives birthday rewards),
 * phone number from getPhoneNumber's cloudID. Completing the profile pays its reward once: the
 * reward's ledger entry has a fixed id, written in the same unit of work as the profile, so a
 * concurrent twin that paid it first makes this one run again: it saves the profile, paying nothing.
 *
 * Requests: start, read the member, update it (and add the reward entry, at once), commit: 4 in 4
 * round trips, 5 when the update completes the profile (resolving a phone number is not a
 * database request).
 */
export const updateProfile = defineAction(API.member.updateProfile, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const phoneNumber = input.phoneCloudId === undefined ? null : await phoneNumberOf(input.phoneCloudId)
  if (phoneNumber && !phoneNumber.ok) return phoneNumber
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  const changes: ProfileChanges = {
    nickname: input.nickname,
    avatarUrl: input.avatarUrl,
    birthday: input.birthday,
    phoneNumber: phoneNumber?.data,
  }
  return runUnitOfWork(db, async (unit) => {
    const member = await unit.read('members', memberId.data)
    if (!member) return err('NOT_A_MEMBER')
    const decided = decideProfileUpdate(member, changes, { programme, nowMs: caller.nowMs })
    if (!decided.ok) return decided
    for (const entry of decided.data.entries) unit.createLedgerEntry(entry, member.joinedStoreId)
    const { profile, profileCompletionRewarded, points } = decided.data.member
    unit.update('members', member._id, { profile, profileCompletionRewarded, points })
    return ok({ profile: profileOf(decided.data.member), completionPoints: decided.data.completionPoints })
  })
})

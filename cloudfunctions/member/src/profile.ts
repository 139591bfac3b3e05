import type { ActionErrorCode } from '@shared/contracts'
import { API, type Profile, type UpdateProfileResult } from '@shared/contracts'
import { grantPoints, type Member } from '@shared/member'
import { err, ok, type Result } from '@shared/result'
import { database, sdk, TRANSACTION_ATTEMPTS_MAX } from '../../common/cloud'
import { currentProgramme } from '../../common/programmeStore'
import { readDocument } from '../../common/readDocument'
import { callerMemberId, loadCallerMember } from '../../common/requireMember'
import { defineAction } from '../../common/router'

/** Shows enough of a phone number to recognise it: 138****5678. */
export function maskPhoneNumber(phoneNumber: string): string {
  return phoneNumber.length < 7 ? phoneNumber : `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`
}

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

function isComplete(profile: Member['profile']): boolean {
  return Object.values(profile).every((value) => value !== null)
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
 * reward's ledger entry has a fixed id, written in the same transaction as the profile.
 */
export const updateProfile = defineAction(API.member.updateProfile, async (input, caller) => {
  const memberId = callerMemberId(caller)
  if (!memberId.ok) return memberId
  const phoneNumber = input.phoneCloudId === undefined ? null : await phoneNumberOf(input.phoneCloudId)
  if (phoneNumber && !phoneNumber.ok) return phoneNumber
  const db = database()
  const programme = await currentProgramme(db, caller.nowMs)
  return db.runTransaction(
    async (transaction): Promise<Result<UpdateProfileResult, ActionErrorCode<'member', 'updateProfile'>>> => {
      const reference = transaction.collection('members').doc(memberId.data)
      const member = await readDocument<Member>(reference)
      if (!member) return err('NOT_A_MEMBER')
      if (
        input.birthday !== undefined &&
        member.profile.birthday !== null &&
        member.profile.birthday !== input.birthday
      ) {
        return err('BIRTHDAY_ALREADY_SET')
      }
      const nextProfile: Member['profile'] = {
        nickname: input.nickname ?? member.profile.nickname,
        avatarUrl: input.avatarUrl ?? member.profile.avatarUrl,
        birthday: input.birthday ?? member.profile.birthday,
        phoneNumber: phoneNumber?.ok ? phoneNumber.data : member.profile.phoneNumber,
      }
      const rewardDue =
        !member.profileCompletionRewarded && isComplete(nextProfile) && programme.profileCompletionPoints > 0
      let points = member.points
      if (rewardDue) {
        const grant = grantPoints({
          member,
          programme,
          amount: programme.profileCompletionPoints,
          nowMs: caller.nowMs,
          source: 'profile',
          idempotencyKey: `profile_${member._id}`,
        })
        points = grant.points
        await transaction.collection('ledger').add({ data: { ...grant.entry } })
      }
      const updated: Member = {
        ...member,
        profile: nextProfile,
        profileCompletionRewarded: member.profileCompletionRewarded || rewardDue,
        points,
      }
      await reference.update({
        data: { profile: nextProfile, profileCompletionRewarded: updated.profileCompletionRewarded, points },
      })
      return ok({ profile: profileOf(updated), completionPoints: rewardDue ? programme.profileCompletionPoints : 0 })
    },
    TRANSACTION_ATTEMPTS_MAX,
  )
})

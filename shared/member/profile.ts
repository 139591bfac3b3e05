import type { Programme } from '../programme/schema'
import { err, ok, type Result } from '../result'
import { grantPoints } from './grantPoints'
import type { LedgerEntry, Member } from './member'

/** What a member may change in one update; an absent field stays as it is. */
export interface ProfileChanges {
  readonly nickname?: string | undefined
  readonly avatarUrl?: string | undefined
  /** `MM-DD`; once set it may only be sent again unchanged. */
  readonly birthday?: string | undefined
  /** Already resolved on the server from getPhoneNumber's cloudID. */
  readonly phoneNumber?: string | undefined
}

/** What a profile update writes: the member (profile, reward flag, wallet) and the reward's entry, if paid. */
export interface ProfileDecision {
  readonly member: Member
  readonly entries: readonly LedgerEntry[]
  /** The completion reward this update paid: 0 unless it is the one that completed the profile. */
  readonly completionPoints: number
}

/** The ledger key of a member's profile-completion reward: one per member, ever. */
export function profileRewardKeyOf(memberId: string): string {
  return `profile_${memberId}`
}

/** Whether every field of the profile is filled. */
export function isProfileComplete(profile: Member['profile']): boolean {
  return Object.values(profile).every((value) => value !== null)
}

function changedProfile(profile: Member['profile'], changes: ProfileChanges): Member['profile'] {
  return {
    nickname: changes.nickname ?? profile.nickname,
    avatarUrl: changes.avatarUrl ?? profile.avatarUrl,
    birthday: changes.birthday ?? profile.birthday,
    phoneNumber: changes.phoneNumber ?? profile.phoneNumber,
  }
}

/**
 * A profile update: nickname, avatar and phone number freely, the birthday once (it drives birthday
 * rewards, so changing it is refused and nothing changes). The update that first completes the
 * profile pays the programme's completion reward, keyed per member so it is paid once ever; a
 * programme with no reward marks nothing, so a reward introduced later is still paid.
 */
export function decideProfileUpdate(
  member: Member,
  changes: ProfileChanges,
  options: { readonly programme: Programme; readonly nowMs: number },
): Result<ProfileDecision, 'BIRTHDAY_ALREADY_SET'> {
  const { birthday } = member.profile
  if (changes.birthday !== undefined && birthday !== null && birthday !== changes.birthday) {
    return err('BIRTHDAY_ALREADY_SET')
  }
  const { programme, nowMs } = options
  const profile = changedProfile(member.profile, changes)
  const amount = programme.profileCompletionPoints
  if (member.profileCompletionRewarded || !isProfileComplete(profile) || amount === 0) {
    return ok({ member: { ...member, profile }, entries: [], completionPoints: 0 })
  }
  const grant = grantPoints({
    member,
    programme,
    amount,
    nowMs,
    source: 'profile',
    idempotencyKey: profileRewardKeyOf(member._id),
  })
  return ok({
    member: { ...member, profile, profileCompletionRewarded: true, points: grant.points },
    entries: [grant.entry],
    completionPoints: amount,
  })
}

/** Shows enough of a phone number to recognise it: 138****5678. */
export function maskPhoneNumber(phoneNumber: string): string {
  return phoneNumber.length < 7 ? phoneNumber : `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`
}

/**
 * Members written straight into the database with a tier, growth and a qualification period, for
 * the tier and birthday job tests (each with the one join point and entry `seedMembers` gives).
 */
import type { GrantedTier, Member } from '@shared/member'
import { seedMembers } from '../mall/seededMembers'
import type { FunctionHarness } from '../support/functionHarness'

/** How a seeded member stands: omit `periodGrowth` for a member written before growth was counted per period. */
export interface TieredMember {
  readonly tierId: string
  readonly growth: number
  readonly periodGrowth?: number
  readonly reviewAtMs?: number
  readonly grantedTier?: GrantedTier
  readonly birthday?: string
}

/** Writes `<prefix>-0` …, one per entry of `members`, and answers their ids in the same order. */
export async function seedTiered(
  harness: FunctionHarness,
  prefix: string,
  members: readonly TieredMember[],
  atMs: number,
): Promise<string[]> {
  const seeded = await seedMembers(harness, { prefix, count: members.length, points: 1, atMs })
  await Promise.all(
    seeded.map(({ memberId }, index) => {
      const member = members[index] as TieredMember
      const fields: Partial<Member> = {
        tierId: member.tierId,
        growth: member.growth,
        ...(member.periodGrowth === undefined
          ? {}
          : {
              qualification: {
                periodStartDay: '2026-01-01',
                growth: member.periodGrowth,
                partial: false,
                earnedSinceEnd: 0,
              },
              tierReviewAtMs: member.reviewAtMs,
            }),
        ...(member.grantedTier ? { grantedTier: member.grantedTier } : {}),
        ...(member.birthday
          ? { profile: { nickname: null, avatarUrl: null, birthday: member.birthday, phoneNumber: null } }
          : {}),
      }
      return harness.db.collection('members').doc(memberId).update({ data: fields })
    }),
  )
  return seeded.map(({ memberId }) => memberId)
}

import { sumOfEntries } from '@shared/ledger'
import { decideJoin, decideProfileUpdate, type Member, type ProfileChanges, profileRewardKeyOf } from '@shared/member'
import { parseProgramme } from '@shared/programme/parseProgramme'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
/** Noon on 2026-11-24 in Shanghai. */
const nowMs = Date.UTC(2026, 10, 24, 4)
const joining = decideJoin(
  { memberId: 'm-1', openid: 'o-1', storeId: null, referrerMemberId: null },
  { programme, nowMs },
)
const joined = joining.member
const complete: ProfileChanges = {
  nickname: '小满',
  avatarUrl: 'https://example.com/a.png',
  birthday: '02-29',
  phoneNumber: '13912345678',
}

function update(member: Member, changes: ProfileChanges) {
  return decideProfileUpdate(member, changes, { programme, nowMs })
}

describe('decideProfileUpdate', () => {
  it('changes only the fields sent and pays nothing while the profile is incomplete', () => {
    expect(update(joined, { nickname: '小满' })).toMatchObject({
      ok: true,
      data: {
        member: { profile: { nickname: '小满', avatarUrl: null, birthday: null }, points: joined.points },
        entries: [],
        completionPoints: 0,
      },
    })
  })

  it('pays the completion reward, keyed once per member, to the update that completes the profile', () => {
    const decided = update(joined, complete)
    expect(decided).toMatchObject({
      ok: true,
      data: { member: { profileCompletionRewarded: true, points: { balance: 70 } }, completionPoints: 20 },
    })
    if (!decided.ok) return
    expect(decided.data.entries).toEqual([
      expect.objectContaining({ _id: profileRewardKeyOf('m-1'), amount: 20, source: 'profile' }),
    ])
    expect(update(decided.data.member, { nickname: '小满满' })).toMatchObject({
      ok: true,
      data: { entries: [], completionPoints: 0 },
    })
  })

  it('marks nothing when the programme pays no completion reward', () => {
    const noReward = parseProgramme({ ...programme, profileCompletionPoints: 0 })
    if (!noReward.ok) throw new Error(noReward.message)
    const decided = decideProfileUpdate(joined, complete, { programme: noReward.data, nowMs })
    expect(decided).toMatchObject({
      ok: true,
      data: { member: { profileCompletionRewarded: false }, entries: [], completionPoints: 0 },
    })
  })

  it('refuses to change a birthday once set, but accepts the same birthday again', () => {
    const set = update(joined, { birthday: '05-20' })
    if (!set.ok) throw new Error(set.message)
    expect(update(set.data.member, { birthday: '06-01', nickname: '换个名字' })).toMatchObject({
      ok: false,
      code: 'BIRTHDAY_ALREADY_SET',
    })
    expect(update(set.data.member, { birthday: '05-20' })).toMatchObject({ ok: true })
  })

  describe('over any sequence of updates', () => {
    const field = <T>(values: fc.Arbitrary<T>) => fc.option(values, { nil: undefined })
    const changes = fc.record({
      nickname: field(fc.constantFrom('小满', '阿宝', 'Lee')),
      avatarUrl: field(fc.constantFrom('https://example.com/a.png', 'cloud://env/b.png')),
      birthday: field(fc.constantFrom('01-01', '02-29', '12-31')),
      phoneNumber: field(fc.constantFrom('13912345678', '13800000000')),
    })
    const sequences = fc.array(changes, { maxLength: 12 })

    function run(updates: readonly ProfileChanges[]) {
      let member = joined
      const entries = [...joining.entries]
      const birthdays: (string | null)[] = []
      for (const changes of updates) {
        const decided = update(member, changes)
        if (decided.ok) {
          member = decided.data.member
          entries.push(...decided.data.entries)
        }
        birthdays.push(member.profile.birthday)
      }
      return { member, entries, birthdays }
    }

    it('pays the completion reward at most once, and only once the profile is complete', () => {
      fc.assert(
        fc.property(sequences, (updates) => {
          const { member, entries } = run(updates)
          const rewards = entries.filter((entry) => entry.source === 'profile')
          expect(rewards.length).toBeLessThanOrEqual(1)
          expect(rewards.length === 1).toBe(member.profileCompletionRewarded)
          if (member.profileCompletionRewarded) expect(Object.values(member.profile)).not.toContain(null)
        }),
      )
    })

    it('keeps the balance equal to the sum of the entries', () => {
      fc.assert(
        fc.property(sequences, (updates) => {
          const { member, entries } = run(updates)
          expect(member.points.balance).toBe(sumOfEntries(entries))
        }),
      )
    })

    it('sets the birthday at most once: once set it never changes', () => {
      fc.assert(
        fc.property(sequences, (updates) => {
          const { birthdays } = run(updates)
          const firstSet = birthdays.findIndex((birthday) => birthday !== null)
          if (firstSet === -1) return
          expect(new Set(birthdays.slice(firstSet))).toEqual(new Set([birthdays[firstSet]]))
        }),
      )
    })
  })
})

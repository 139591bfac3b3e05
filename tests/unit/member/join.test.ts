import { sumOfEntries, usableBalance } from '@shared/ledger'
import { decideJoin, joinGiftKeyOf } from '@shared/member'
import { parseProgramme } from '@shared/programme/parseProgramme'
import fc from 'fast-check'
import { DEMO_PROGRAMME } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
/** Noon on 2026-11-24 in Shanghai. */
const nowMs = Date.UTC(2026, 10, 24, 4)
const request = { memberId: 'm-1', openid: 'o-1', storeId: 'store-1', referrerMemberId: null }

describe('decideJoin', () => {
  it('makes a member of the lowest tier with the join gift in the wallet, keyed once per member', () => {
    const decided = decideJoin(request, { programme, nowMs })
    expect(decided.member).toMatchObject({
      _id: 'm-1',
      openid: 'o-1',
      joinedStoreId: 'store-1',
      tierId: 'regular',
      growth: 0,
      periodAnchorDay: '2026-11-24',
      profileCompletionRewarded: false,
    })
    expect(usableBalance(decided.member.points, nowMs)).toBe(50)
    expect(decided.entries).toEqual([
      expect.objectContaining({ _id: joinGiftKeyOf('m-1'), memberId: 'm-1', amount: 50, source: 'join' }),
    ])
    expect(decided.gift).toEqual({ points: 50, couponTemplateIds: programme.joinGift.couponTemplateIds })
  })

  it('writes no entry when the join gift is 0 points', () => {
    const noGift = parseProgramme({ ...programme, joinGift: { points: 0 } })
    if (!noGift.ok) throw new Error(noGift.message)
    const decided = decideJoin(request, { programme: noGift.data, nowMs })
    expect(decided.entries).toEqual([])
    expect(decided.member.points.balance).toBe(0)
  })

  it('does not let a member refer themselves', () => {
    expect(decideJoin({ ...request, referrerMemberId: 'm-1' }, { programme, nowMs }).member.referrerMemberId).toBeNull()
    expect(decideJoin({ ...request, referrerMemberId: 'm-2' }, { programme, nowMs }).member.referrerMemberId).toBe(
      'm-2',
    )
  })

  it('starts every member with a balance equal to the sum of their entries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10 * 366 }), (points, days) => {
        const parsed = parseProgramme({ ...programme, joinGift: { points } })
        if (!parsed.ok) throw new Error(parsed.message)
        const decided = decideJoin(request, { programme: parsed.data, nowMs: nowMs + days * 86_400_000 })
        expect(decided.member.points.balance).toBe(sumOfEntries(decided.entries))
        expect(decided.member.points.balance).toBe(points)
      }),
    )
  })
})

import {
  decideJoin,
  decideTierGrant,
  type GrantedTier,
  heldTierIdOf,
  type TierGrantRequest,
  tierGrantDaysMaxOf,
} from '@shared/member'
import { parseProgramme } from '@shared/programme/parseProgramme'
import { purchaseEarningOf } from '@shared/staff'
import { DEMO_PROGRAMME, DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'

const programme = DEMO_PROGRAMME
/** 2026-06-15 12:00 in Shanghai. */
const NOW = Date.UTC(2026, 5, 15, 4)
/** 2026-07-01 00:00 in Shanghai: the end of a grant through 2026-06-30. */
const JUNE_END = Date.UTC(2026, 5, 30, 16)

const operator = (role: 'admin' | 'manager' | 'staff') => ({ openid: `o-${role}`, name: `${role} 小王`, role })
const request = (extra: Partial<TierGrantRequest> = {}): TierGrantRequest => ({
  tierId: 'gold',
  endsOn: '2026-06-30',
  reason: '老客户维护',
  operator: operator('manager'),
  ...extra,
})
const decide = (
  extra: Partial<TierGrantRequest> = {},
  member: { grantedTier: GrantedTier | null } = { grantedTier: null },
) => decideTierGrant(member, request(extra), { programme, nowMs: NOW })

describe('granting a tier by hand', () => {
  it('holds through the last day in the programme’s time zone and records who granted it and why', () => {
    expect(decide()).toEqual({
      ok: true,
      data: {
        tierId: 'gold',
        untilMs: JUNE_END,
        endsOn: '2026-06-30',
        grantedBy: 'o-manager',
        grantedByName: 'manager 小王',
        grantedAtMs: NOW,
        reason: '老客户维护',
      },
    })
  })

  it('limits managers to the programme’s days and below the top tier; admins to 366 days and any tier', () => {
    expect(tierGrantDaysMaxOf(programme, 'manager')).toBe(90)
    expect(tierGrantDaysMaxOf(programme, 'admin')).toBe(366)
    expect(tierGrantDaysMaxOf(programme, 'staff')).toBe(0)
    // 2026-06-15 + 90 days = 2026-09-13.
    expect(decide({ endsOn: '2026-09-13' })).toMatchObject({ ok: true })
    expect(decide({ endsOn: '2026-09-14' })).toMatchObject({ ok: false, code: 'TIER_GRANT_OVER_LIMIT' })
    expect(decide({ tierId: 'black' })).toMatchObject({ ok: false, code: 'TIER_GRANT_OVER_LIMIT' })
    expect(decide({ tierId: 'black', endsOn: '2027-06-16', operator: operator('admin') })).toMatchObject({ ok: true })
    expect(decide({ endsOn: '2027-06-17', operator: operator('admin') })).toMatchObject({
      ok: false,
      code: 'TIER_GRANT_OVER_LIMIT',
    })
    expect(decide({ operator: operator('staff') })).toMatchObject({ ok: false, code: 'TIER_GRANT_OVER_LIMIT' })
    const tighter = parseProgramme({ ...DEMO_PROGRAMME_INPUT, staffLimits: { managerTierGrantDaysMax: 10 } })
    if (!tighter.ok) throw new Error(tighter.message)
    expect(
      decideTierGrant({ grantedTier: null }, request({ endsOn: '2026-06-26' }), {
        programme: tighter.data,
        nowMs: NOW,
      }),
    ).toMatchObject({ ok: false, code: 'TIER_GRANT_OVER_LIMIT', message: expect.stringContaining('10') })
  })

  it('refuses an unknown tier, a last day before today, and a missing last day', () => {
    expect(decide({ tierId: 'platinum' })).toMatchObject({ ok: false, code: 'TIER_NOT_FOUND' })
    expect(decide({ endsOn: '2026-06-14' })).toMatchObject({ ok: false, message: expect.stringContaining('endsOn') })
    expect(decide({ endsOn: '2026-06-15' })).toMatchObject({ ok: true, data: { untilMs: Date.UTC(2026, 5, 15, 16) } })
    expect(decide({ endsOn: null })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('takes a grant away, except a manager taking away an admin’s grant of the top tier', () => {
    const silver = decide({ tierId: 'silver' })
    if (!silver.ok) throw new Error(silver.message)
    expect(decide({ tierId: null, endsOn: null }, { grantedTier: silver.data })).toEqual({ ok: true, data: null })
    const top = decide({ tierId: 'black', operator: operator('admin') })
    if (!top.ok) throw new Error(top.message)
    expect(decide({ tierId: null, endsOn: null }, { grantedTier: top.data })).toMatchObject({
      ok: false,
      code: 'TIER_GRANT_OVER_LIMIT',
    })
    expect(decide({ tierId: 'silver' }, { grantedTier: top.data })).toMatchObject({ ok: false })
  })
})

describe('the tier a member holds', () => {
  const decided = decide()
  if (!decided.ok || decided.data === null) throw new Error('the grant is refused')
  const gold: GrantedTier = decided.data
  const granted = { tierId: 'regular', grantedTier: gold }

  it('is the grant above the earned tier until the grant ends, then the earned tier again', () => {
    expect(heldTierIdOf(granted, programme.tiers, NOW)).toBe('gold')
    expect(heldTierIdOf(granted, programme.tiers, JUNE_END - 1)).toBe('gold')
    expect(heldTierIdOf(granted, programme.tiers, JUNE_END)).toBe('regular')
  })

  it('is the earned tier when it is above the grant, or when the grant names a tier the programme dropped', () => {
    expect(heldTierIdOf({ ...granted, tierId: 'black' }, programme.tiers, NOW)).toBe('black')
    expect(heldTierIdOf({ tierId: 'silver', grantedTier: { ...gold, tierId: 'gone' } }, programme.tiers, NOW)).toBe(
      'silver',
    )
    expect(heldTierIdOf({ tierId: 'gone', grantedTier: null }, programme.tiers, NOW)).toBe('gone')
  })

  it('earns at the granted tier’s multiplier', () => {
    const plain = decideJoin(
      { memberId: 'm-1', openid: 'o-1', storeId: null, referrerMemberId: null },
      { programme, nowMs: NOW },
    ).member
    const base = purchaseEarningOf({ programme, member: plain, amountFen: 10_000, nowMs: NOW })
    const boosted = purchaseEarningOf({
      programme,
      member: { ...plain, grantedTier: gold },
      amountFen: 10_000,
      nowMs: NOW,
    })
    expect(boosted.points).toBe(Math.floor((base.points * 150) / 100))
    expect(boosted.lines).toContainEqual(expect.objectContaining({ kind: 'tier', tierId: 'gold' }))
  })
})

/**
 * `admin.grantTier` through the real SDK: a tier held by hand through a last day, at once on the
 * card, within each role's limit, audited, idempotent per request, left alone by the tier review
 * until it ends; points never move.
 */
import type { ActionInput } from '@shared/contracts'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { insertTemplate } from '../coupon/testTemplates'
import { seedTiered } from '../jobs/tieredMembers'
import { seedMember } from '../mall/seededMembers'
import { insertItem } from '../mall/testItems'
import { ADMIN, MANAGER, NOW, STAFF, snapshotOf } from '../staff/staffFixtures'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(90_000)

type GrantInput = ActionInput<'admin', 'grantTier'>
const HOUR_MS = 3_600_000
/** 2027-01-01 00:00 in Shanghai: the end of the demo programme's 2026 qualification period. */
const PERIOD_END = Date.UTC(2026, 11, 31, 16)

describe('admin.grantTier', () => {
  const harness = useFunctionHarness()

  const grant = (input: Record<string, unknown>, as = MANAGER, atMs = NOW) =>
    harness.callRaw('admin', { action: 'grantTier', input }, { as, atMs }) as Promise<
      { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string }
    >
  const cardOf = async (openid: string, atMs: number) =>
    harness.call('member', 'card', {}, { as: openid, atMs }) as Promise<{ ok: true; data: { tier: { id: string } } }>
  const memberOf = async (memberId: string) => (await harness.db.collection('members').doc(memberId).get()).data

  it('shows the granted tier on the card and the detail at once, audited, points untouched, until its last day', async () => {
    const member = await seedMember(harness, { prefix: 'o-grant-card', points: 40, atMs: NOW })
    const input: GrantInput = {
      requestId: 'grant-card-0001',
      memberId: member.memberId,
      tierId: 'gold',
      endsOn: '2026-12-31',
      reason: '老客户维护',
    }
    await expect(grant(input)).resolves.toEqual({
      ok: true,
      data: {
        memberId: member.memberId,
        before: null,
        after: { tierId: 'gold', endsOn: '2026-12-31' },
        heldTier: { id: 'gold', name: '金卡会员' },
        replayed: false,
      },
    })
    await expect(cardOf(member.openid, NOW + 1000)).resolves.toMatchObject({
      data: { tier: { id: 'gold' }, balance: 40 },
    })
    await expect(memberOf(member.memberId)).resolves.toMatchObject({
      tierId: 'regular',
      growth: 0,
      points: { balance: 40 },
      grantedTier: { tierId: 'gold', endsOn: '2026-12-31', untilMs: PERIOD_END, grantedBy: MANAGER },
    })
    const audit = (await harness.db.collection('audit').doc('admin_grant-card-0001').get()).data
    expect(audit).toMatchObject({
      action: 'grantTier',
      operatorOpenid: MANAGER,
      storeId: 'store-1',
      memberId: member.memberId,
      changes: { grantedTier: { before: null, after: { tierId: 'gold', endsOn: '2026-12-31' } } },
      note: '老客户维护',
    })
    const detail = await harness.call('admin', 'memberDetail', { memberId: member.memberId }, { as: ADMIN, atMs: NOW })
    expect(detail).toMatchObject({
      ok: true,
      data: {
        member: { tier: { id: 'gold' } },
        earnedTier: { id: 'regular' },
        grantedTier: { tier: { id: 'gold', name: '金卡会员' }, endsOn: '2026-12-31', active: true, grantedBy: MANAGER },
        staffActions: [expect.objectContaining({ action: 'grantTier', memberId: member.memberId })],
      },
    })
    // A minute before, not 1 ms: the harness's clock runs on from the time it is given.
    await expect(cardOf(member.openid, PERIOD_END - 60_000)).resolves.toMatchObject({ data: { tier: { id: 'gold' } } })
    await expect(cardOf(member.openid, PERIOD_END)).resolves.toMatchObject({ data: { tier: { id: 'regular' } } })

    // Taking it away shows the earned tier again; points still untouched.
    await expect(
      grant({ ...input, requestId: 'grant-card-0002', tierId: null, endsOn: null, reason: '误操作' }),
    ).resolves.toMatchObject({
      ok: true,
      data: { before: { tierId: 'gold' }, after: null, heldTier: { id: 'regular' } },
    })
    await expect(cardOf(member.openid, NOW + 2000)).resolves.toMatchObject({
      data: { tier: { id: 'regular' }, balance: 40 },
    })
  })

  it('opens gold-only items and coupons to a member holding gold by hand, and closes them when it ends', async () => {
    const member = await seedMember(harness, { prefix: 'o-grant-perks', points: 500, atMs: NOW })
    await insertItem(harness, { id: 'gold-only-mug', tierIds: ['gold'], pointsPrice: 100 })
    await insertTemplate(harness, { id: 'gold-only-coupon', tierIds: ['gold'] })
    const as = { as: member.openid }
    const redeem = (requestId: string, atMs: number) =>
      harness.call('mall', 'redeem', { itemId: 'gold-only-mug', requestId }, { ...as, atMs })
    const claim = (requestId: string, atMs: number) =>
      harness.call('coupon', 'claim', { templateId: 'gold-only-coupon', requestId }, { ...as, atMs })
    await expect(redeem('perk-redeem-0001', NOW)).resolves.toMatchObject({ ok: false, code: 'TIER_REQUIRED' })

    const input = { requestId: 'grant-perks-001', memberId: member.memberId, tierId: 'gold', endsOn: '2026-12-31' }
    await expect(grant({ ...input, reason: '大客户' })).resolves.toMatchObject({ ok: true })
    const catalogue = await harness.call('mall', 'catalogue', {}, { ...as, atMs: NOW + 60_000 })
    expect(catalogue).toMatchObject({
      ok: true,
      data: { items: expect.arrayContaining([expect.objectContaining({ id: 'gold-only-mug', canRedeem: true })]) },
    })
    await expect(redeem('perk-redeem-0002', NOW + 60_000)).resolves.toMatchObject({ ok: true })
    await expect(claim('perk-claim-00001', NOW + 60_000)).resolves.toMatchObject({ ok: true })
    // After its last day the earned tier applies again.
    await expect(redeem('perk-redeem-0003', PERIOD_END + 60_000)).resolves.toMatchObject({
      ok: false,
      code: 'TIER_REQUIRED',
    })
  })

  it('holds managers to the programme’s days and below the top tier, admins to 366 days, changing nothing when refused', async () => {
    const member = await seedMember(harness, { prefix: 'o-grant-limits', points: 5, atMs: NOW })
    const input = (requestId: string, tierId: string, endsOn: string): GrantInput => ({
      requestId,
      memberId: member.memberId,
      tierId,
      endsOn,
      reason: '活动',
    })
    const before = await snapshotOf(harness)
    // NOW is 2026-11-23: 90 days on is 2027-02-21.
    await expect(grant(input('grant-limit-01', 'gold', '2027-02-22'))).resolves.toMatchObject({
      ok: false,
      code: 'TIER_GRANT_OVER_LIMIT',
      message: expect.stringContaining('90'),
    })
    await expect(grant(input('grant-limit-02', 'black', '2026-12-01'))).resolves.toMatchObject({
      ok: false,
      code: 'TIER_GRANT_OVER_LIMIT',
    })
    await expect(grant(input('grant-limit-03', 'black', '2027-11-25'), ADMIN)).resolves.toMatchObject({
      ok: false,
      code: 'TIER_GRANT_OVER_LIMIT',
    })
    await expect(grant(input('grant-limit-04', 'platinum', '2026-12-01'), ADMIN)).resolves.toMatchObject({
      ok: false,
      code: 'TIER_NOT_FOUND',
    })
    await expect(grant(input('grant-limit-05', 'gold', '2026-11-22'))).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('endsOn'),
    })
    await expect(grant(input('grant-limit-06', 'gold', '2026-12-01'), STAFF)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(grant(input('grant-limit-07', 'gold', '2026-12-01'), member.openid)).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(
      grant({ ...input('grant-limit-08', 'gold', '2026-12-01'), memberId: memberIdOf('o-never-joined') }),
    ).resolves.toMatchObject({ ok: false, code: 'MEMBER_NOT_FOUND' })
    for (const [field, value] of [
      ['tierId', 'Gold!'],
      ['endsOn', '2026-02-30'],
      ['endsOn', null],
      ['reason', ' '],
      ['memberId', 'nobody'],
      ['requestId', 'x'],
    ] as const) {
      await expect(grant({ ...input('grant-limit-09', 'gold', '2026-12-01'), [field]: value })).resolves.toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringContaining(field),
      })
    }
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    await expect(grant(input('grant-limit-10', 'gold', '2027-02-21'))).resolves.toMatchObject({ ok: true })
    await expect(grant(input('grant-limit-11', 'black', '2027-11-24'), ADMIN)).resolves.toMatchObject({
      ok: true,
      data: { before: { tierId: 'gold' }, after: { tierId: 'black' }, heldTier: { id: 'black' } },
    })
    // A manager can't undo the admin's grant of the top tier.
    await expect(
      grant({ ...input('grant-limit-12', 'gold', '2026-12-01'), tierId: null, endsOn: null }),
    ).resolves.toMatchObject({ ok: false, code: 'TIER_GRANT_OVER_LIMIT' })
  })

  it('applies a retried request once (also eight twins at once) and refuses its id for another grant', async () => {
    await harness.warm('admin')
    const member = await seedMember(harness, { prefix: 'o-grant-retry', points: 5, atMs: NOW })
    const input: GrantInput = {
      requestId: 'grant-retry-001',
      memberId: member.memberId,
      tierId: 'silver',
      endsOn: '2026-12-20',
      reason: '补偿',
    }
    const twins = await Promise.all(Array.from({ length: 8 }, () => grant(input)))
    expect(twins.map((answer) => answer.ok && answer.data.replayed).sort()).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    for (const answer of twins) {
      expect(answer).toMatchObject({ ok: true, data: { before: null, after: { tierId: 'silver' } } })
    }
    await expect(grant(input)).resolves.toMatchObject({
      ok: true,
      data: { replayed: true, heldTier: { id: 'silver' } },
    })
    await expect(grant({ ...input, endsOn: '2026-12-21' })).resolves.toMatchObject({
      ok: false,
      code: 'REQUEST_ID_REUSED',
    })
    const { data: audits } = await harness.db.collection('audit').where({ memberId: member.memberId }).get()
    expect(audits).toHaveLength(1)
  })

  it('is left alone by the period-end review, which keeps the member up while it holds; after it the earned tier shows', async () => {
    const [memberId] = await seedTiered(
      harness,
      'o-grant-review',
      [{ tierId: 'silver', growth: 600, periodGrowth: 0, reviewAtMs: PERIOD_END }],
      NOW,
    )
    await expect(
      grant({ requestId: 'grant-review-01', memberId, tierId: 'gold', endsOn: '2027-01-31', reason: '补偿' }, ADMIN),
    ).resolves.toMatchObject({ ok: true })
    const granted = (await memberOf(memberId as string)).grantedTier
    await expect(
      harness.call('jobs', 'run', { job: 'evaluateTiers', dryRun: false }, { as: ADMIN, atMs: PERIOD_END + HOUR_MS }),
    ).resolves.toMatchObject({ ok: true, data: { summary: { scanned: 1 } } })
    // Without the grant silver would drop to regular (no growth in 2026); the grant holds it at silver.
    await expect(memberOf(memberId as string)).resolves.toMatchObject({
      tierId: 'silver',
      grantedTier: granted,
      points: { balance: 1 },
    })
    await expect(cardOf('o-grant-review-0', PERIOD_END + 2 * HOUR_MS)).resolves.toMatchObject({
      data: { tier: { id: 'gold' } },
    })
    await expect(cardOf('o-grant-review-0', Date.UTC(2027, 0, 31, 16))).resolves.toMatchObject({
      data: { tier: { id: 'silver' } },
    })
  })
})

/**
 * The programme editor on `admin` through the real SDK: drafts validated with every problem by
 * field path, published as numbered versions atomically and once per request, stale publishes
 * refused, old versions restored as new ones, managers read only, and the dry run's figures equal
 * what the counter actually awards once the draft is live.
 */
import type { ActionInput } from '@shared/contracts'
import type { ProgrammeInput } from '@shared/programme/schema'
import { PROGRAMME_CACHE_TTL_MS } from '../../../cloudfunctions/common/programmeStore'
import { DEMO_PROGRAMME_INPUT } from '../../../emulator/seed/demo/programme'
import { ADMIN, MANAGER, NOW, purchaseBy, STAFF, seedCustomer, updateMember } from '../staff/staffFixtures'
import { dataOf, tally } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'

jest.setTimeout(120_000)

/** The demo programme with silver reachable at 300 growth and earning at 2 points per yuan. */
const CHEAPER_SILVER: ProgrammeInput = {
  ...DEMO_PROGRAMME_INPUT,
  tiers: DEMO_PROGRAMME_INPUT.tiers.map((tier) => (tier.id === 'silver' ? { ...tier, growthThreshold: 300 } : tier)),
  earning: { ...DEMO_PROGRAMME_INPUT.earning, points: { amount: 2, perYuan: 1 } },
}

describe('admin programme editor', () => {
  const harness = useFunctionHarness()

  const call = <A extends 'saveProgrammeDraft' | 'publishProgramme' | 'restoreProgrammeVersion'>(
    action: A,
    input: ActionInput<'admin', A>,
    as = ADMIN,
  ) => harness.call('admin', action, input, { as, atMs: NOW })
  const saveDraft = (requestId: string, programme: ProgrammeInput, basedOnVersion = 0, as = ADMIN) =>
    call('saveProgrammeDraft', { requestId, basedOnVersion, programme: programme as Record<string, unknown> }, as)
  const publish = (requestId: string, note = '调整银卡门槛', as = ADMIN) =>
    call('publishProgramme', { requestId, note }, as)
  const read = async (collection: string, id: string) =>
    (await harness.db.collection(collection).where({ _id: id }).get()).data[0] ?? null
  const versionsOf = async () =>
    ((await harness.db.collection('programme_versions').limit(100).get()).data as { version: number }[])
      .map((document) => document.version)
      .sort()

  it('refuses an invalid draft with every problem by field path, and stores nothing', async () => {
    const broken = {
      ...CHEAPER_SILVER,
      tiers: CHEAPER_SILVER.tiers.map((tier) => (tier.id === 'gold' ? { ...tier, growthThreshold: 100 } : tier)),
      businessDayCutoffHour: 30,
    }
    const answer = await saveDraft('draft-invalid-01', broken)
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_PROGRAMME' })
    const message = answer.ok ? '' : answer.message
    expect(message).toContain('tiers.2.growthThreshold: 等级门槛必须递增')
    expect(message).toContain('businessDayCutoffHour:')
    await expect(read('programme', 'draft')).resolves.toBeNull()
    await expect(read('audit', 'admin_draft-invalid-01')).resolves.toBeNull()
  })

  it('saves a draft once per request and reads it back; the live programme answers when there is none', async () => {
    const empty = dataOf(await harness.call('admin', 'programmeDraft', {}, { as: MANAGER, atMs: NOW }))
    expect(empty).toMatchObject({ liveVersion: 0, draft: null, programme: { id: 'demo-cafe' } })
    const saved = dataOf(await saveDraft('draft-save-0001', CHEAPER_SILVER))
    expect([...saved.changedSections].sort()).toEqual(['earning', 'tiers'])
    const replay = dataOf(await saveDraft('draft-save-0001', CHEAPER_SILVER))
    expect([...replay.changedSections].sort()).toEqual(['earning', 'tiers'])
    const view = dataOf(await harness.call('admin', 'programmeDraft', {}, { as: MANAGER, atMs: NOW }))
    expect(view.draft).toMatchObject({ basedOnVersion: 0, saved: { openid: ADMIN } })
    expect(view.programme.tiers[1]?.growthThreshold).toBe(300)
    const audits = (await harness.db.collection('audit').where({ action: 'saveProgrammeDraft' }).get()).data
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ changes: { earning: { after: expect.objectContaining({}) } } })
  })

  it('publishes the draft as version 1: version, current and audit written together, the draft gone', async () => {
    dataOf(await saveDraft('draft-pub-00001', CHEAPER_SILVER))
    const published = dataOf(await publish('publish-0000001'))
    expect(published).toMatchObject({ version: 1, note: '调整银卡门槛', restoredFrom: null, replayed: false })
    expect(published.effectiveByMs).toBe(published.published.atMs + PROGRAMME_CACHE_TTL_MS)
    const current = await read('programme', 'current')
    expect(current).toMatchObject({ version: 1, earning: { points: { amount: 2, perYuan: 1 } } })
    await expect(read('programme_versions', '1')).resolves.toMatchObject({
      version: 1,
      published: { openid: ADMIN },
      programme: expect.objectContaining({ id: 'demo-cafe' }),
    })
    await expect(read('programme', 'draft')).resolves.toBeNull()
    await expect(read('audit', 'admin_publish-0000001')).resolves.toMatchObject({
      action: 'publishProgramme',
      version: 1,
    })
    // The same request again answers the first publish; without a draft a new one is refused.
    await expect(publish('publish-0000001')).resolves.toMatchObject({ ok: true, data: { version: 1, replayed: true } })
    await expect(publish('publish-0000002')).resolves.toMatchObject({ ok: false, code: 'PROGRAMME_DRAFT_MISSING' })
    await expect(versionsOf()).resolves.toEqual([1])
  })

  it('refuses a publish based on a version that is no longer live, and two publishes at once make one version', async () => {
    await harness.warm('admin')
    dataOf(await saveDraft('draft-race-0001', CHEAPER_SILVER))
    const racers = await Promise.all(
      ['race-publish-01', 'race-publish-02', 'race-publish-03'].map((requestId) => publish(requestId)),
    )
    expect(tally(racers)).toEqual({ ok: 1, PROGRAMME_DRAFT_MISSING: 2 })
    // A draft saved against version 0 while version 1 is live: stale.
    dataOf(await saveDraft('draft-stale-001', DEMO_PROGRAMME_INPUT, 0))
    const stale = await publish('publish-stale-1')
    expect(stale).toMatchObject({ ok: false, code: 'PROGRAMME_VERSION_STALE' })
    await expect(versionsOf()).resolves.toEqual([1])
    await expect(read('programme', 'current')).resolves.toMatchObject({ version: 1 })
  })

  it('refuses a draft that drops a tier members hold', async () => {
    const fewer = { ...DEMO_PROGRAMME_INPUT, tiers: DEMO_PROGRAMME_INPUT.tiers.filter((tier) => tier.id !== 'black') }
    dataOf(await saveDraft('draft-fewer-001', fewer))
    await expect(publish('publish-fewer-1')).resolves.toMatchObject({ ok: false, code: 'PROGRAMME_TIER_REMOVED' })
    await expect(read('programme', 'current')).resolves.not.toHaveProperty('version')
  })

  it('restores an old version as a new one, and lists the history newest first', async () => {
    dataOf(await saveDraft('draft-rest-0001', CHEAPER_SILVER))
    dataOf(await publish('publish-rest-01'))
    dataOf(await saveDraft('draft-rest-0002', DEMO_PROGRAMME_INPUT, 1))
    dataOf(await publish('publish-rest-02', '恢复默认'))
    const restore = (requestId: string, liveVersion: number) =>
      call('restoreProgrammeVersion', { requestId, version: 1, liveVersion, note: '回到第 1 版' })
    await expect(restore('restore-stale-1', 1)).resolves.toMatchObject({ ok: false, code: 'PROGRAMME_VERSION_STALE' })
    const restored = dataOf(await restore('restore-000001', 2))
    expect(restored).toMatchObject({ version: 3, restoredFrom: 1 })
    await expect(read('programme', 'current')).resolves.toMatchObject({
      version: 3,
      earning: { points: { amount: 2, perYuan: 1 } },
    })
    const page = dataOf(await harness.call('admin', 'programmeVersions', { pageSize: 2 }, { as: MANAGER, atMs: NOW }))
    expect(page.liveVersion).toBe(3)
    expect(page.versions.map((version) => version.version)).toEqual([3, 2])
    expect(page.versions[0]).not.toHaveProperty('programme')
    const next = dataOf(
      await harness.call(
        'admin',
        'programmeVersions',
        { pageSize: 2, before: page.nextCursor ?? 0 },
        { as: MANAGER, atMs: NOW },
      ),
    )
    expect(next.versions.map((version) => version.version)).toEqual([1])
    expect(next.nextCursor).toBeNull()
  })

  it('lets managers read but not write', async () => {
    await expect(saveDraft('draft-manager-1', CHEAPER_SILVER, 0, MANAGER)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    dataOf(await saveDraft('draft-manager-2', CHEAPER_SILVER))
    await expect(publish('publish-manager', '店长发布', MANAGER)).resolves.toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expect(read('programme', 'current')).resolves.not.toHaveProperty('version')
  })

  it('dry-runs the draft with the figures the counter awards once it is live, and counts tier changes', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-dryrun-buyer', points: 0 })
    const near = await seedCustomer(harness, { prefix: 'o-dryrun-near', points: 0 })
    await updateMember(harness, near.memberId, { growth: 350 })
    dataOf(await saveDraft('draft-dry-00001', CHEAPER_SILVER))
    const purchasedAtMs = NOW + 10 * PROGRAMME_CACHE_TTL_MS
    const dryRun = dataOf(
      await harness.call(
        'admin',
        'programmeDryRun',
        { purchase: { amountFen: 4567, tierId: 'regular', purchasedAtMs }, checkInDays: 7 },
        { as: MANAGER, atMs: NOW },
      ),
    )
    expect(dryRun).toMatchObject({ hasDraft: true, nextCursor: null })
    expect(dryRun.live).toMatchObject({ purchasePoints: 45, purchaseGrowth: 45, checkInPoints: 5 * 7 + 10 + 30 })
    expect(dryRun.draft).toMatchObject({ purchasePoints: 91, purchaseGrowth: 45 })
    expect(dryRun.tierChanges).toMatchObject({ upgrades: 1, onRemovedTier: 0 })
    expect(dryRun.membersCounted).toBeGreaterThanOrEqual(2)

    dataOf(await publish('publish-dry-001'))
    // After the cache TTL every instance reads the new version.
    const recorded = dataOf(
      await harness.call(
        'staff',
        'recordPurchase',
        purchaseBy(
          STAFF,
          { memberId: member.memberId, amountFen: 4567, requestId: 'dry-run-purchase-1' },
          purchasedAtMs,
        ),
        { as: STAFF, atMs: purchasedAtMs },
      ),
    )
    expect({ points: recorded.points, growth: recorded.growth }).toEqual({
      points: dryRun.draft.purchasePoints,
      growth: dryRun.draft.purchaseGrowth,
    })
  })
})

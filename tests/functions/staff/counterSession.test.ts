/**
 * A purchase proves the member was at the counter: previewing and recording take the counter
 * session `resolveMemberCode` answered, for that clerk, for five minutes, never a member id.
 */
import type { CounterMember } from '@shared/contracts'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import {
  codeFor,
  forgerSigner,
  MANAGER,
  memberState,
  NOW,
  STAFF,
  seedCustomer,
  sessionFor,
  snapshotOf,
} from './staffFixtures'

jest.setTimeout(60_000)

const MINUTE_MS = 60_000

describe('staff: the counter session', () => {
  const harness = useFunctionHarness()

  async function scan(memberId: string, as = STAFF, atMs = NOW): Promise<CounterMember> {
    const token = codeFor('member', memberId, { atMs })
    return dataOf(await harness.call('staff', 'resolveMemberCode', { token }, { as, atMs }))
  }

  const record = (as: string, session: string, requestId: string, atMs = NOW) =>
    harness.call('staff', 'recordPurchase', { session, amountFen: 3000, requestId }, { as, atMs })

  it('records the purchases of the member scanned, for five minutes after the scan', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-session-ok', points: 0 })
    const { session } = await scan(member.memberId)
    // The invocation's clock runs on from NOW while it works, so the scan's instant is NOW or a little later.
    expect(session.expiresAtMs).toBeGreaterThanOrEqual(NOW + 5 * MINUTE_MS)
    expect(session.expiresAtMs).toBeLessThan(NOW + 5 * MINUTE_MS + 10_000)
    await expect(
      harness.call('staff', 'previewPurchase', { session: session.token, amountFen: 3000 }, { as: STAFF, atMs: NOW }),
    ).resolves.toMatchObject({ ok: true, data: { memberId: member.memberId, points: 30 } })
    await expect(record(STAFF, session.token, 'session-ok-1', NOW + MINUTE_MS)).resolves.toMatchObject({
      ok: true,
      data: { memberId: member.memberId, points: 30, replayed: false },
    })
    await expect(record(STAFF, session.token, 'session-ok-2', session.expiresAtMs - 5_000)).resolves.toMatchObject({
      ok: true,
      data: { memberId: member.memberId, balanceAfter: 60 },
    })
  })

  it('refuses a session that has run out with COUNTER_SESSION_EXPIRED, and records nothing', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-session-late', points: 0 })
    const { session } = await scan(member.memberId)
    const before = await snapshotOf(harness)
    await expect(record(STAFF, session.token, 'session-late-1', session.expiresAtMs)).resolves.toMatchObject({
      ok: false,
      code: 'COUNTER_SESSION_EXPIRED',
      message: '扫码已超过 5 分钟，请重新扫描会员码',
    })
    await expect(
      harness.call(
        'staff',
        'previewPurchase',
        { session: session.token, amountFen: 3000 },
        { as: STAFF, atMs: NOW + 10 * MINUTE_MS },
      ),
    ).resolves.toMatchObject({ ok: false, code: 'COUNTER_SESSION_EXPIRED' })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    // A fresh scan opens a new session.
    const rescanned = await scan(member.memberId, STAFF, NOW + 10 * MINUTE_MS)
    await expect(record(STAFF, rescanned.session.token, 'session-late-2', NOW + 10 * MINUTE_MS)).resolves.toMatchObject(
      { ok: true },
    )
  })

  it('refuses another clerk’s session, a member code, a forged or an altered session, and records nothing', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-session-bad', points: 0 })
    const other = await seedCustomer(harness, { prefix: 'o-session-other', points: 0 })
    const managersSession = (await scan(member.memberId, MANAGER)).session.token
    const [kind, , ...rest] = sessionFor(member.memberId, STAFF).split('.')
    const refused = [
      managersSession,
      codeFor('member', member.memberId),
      sessionFor(member.memberId, STAFF, { sign: forgerSigner }),
      [kind, other.memberId, ...rest].join('.'),
      'not-a-session',
    ]
    const before = await snapshotOf(harness)
    for (const [index, session] of refused.entries()) {
      await expect(record(STAFF, session, `session-bad-${index}`)).resolves.toMatchObject({
        ok: false,
        code: 'COUNTER_SESSION_INVALID',
      })
    }
    await expect(snapshotOf(harness)).resolves.toEqual(before)
    // The manager's own session is theirs to use.
    await expect(record(MANAGER, managersSession, 'session-bad-manager')).resolves.toMatchObject({ ok: true })
    await expect(memberState(harness, member.memberId)).resolves.toMatchObject({ balance: 30 })
  })

  it('answers NOT_STAFF before looking at the session, also for a clerk unbound since the scan', async () => {
    const member = await seedCustomer(harness, { prefix: 'o-session-unbound', points: 0 })
    await harness.db.collection('staff').add({
      data: { _id: 'o-leaver', openid: 'o-leaver', role: 'staff', storeId: 'store-1', name: '小离', boundAtMs: 0 },
    })
    const { session } = await scan(member.memberId, 'o-leaver')
    await harness.db.collection('staff').doc('o-leaver').remove()
    const before = await snapshotOf(harness)
    await expect(record('o-leaver', session.token, 'session-unbound-1')).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(record('o-stranger', 'not-a-session', 'session-unbound-2')).resolves.toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    })
    await expect(snapshotOf(harness)).resolves.toEqual(before)
  })
})

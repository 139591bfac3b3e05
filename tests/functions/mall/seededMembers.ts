/**
 * Members written straight into the database, for tests that need many at once: each with a points
 * grant recorded as a ledger entry, exactly as a join gift would be, so the ledger invariant holds.
 * Inserting 100 members this way takes two requests instead of 100 join calls.
 */
import { draftEntry, EMPTY_WALLET, earnPoints } from '@shared/ledger'
import type { LedgerEntry, Member } from '@shared/member'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import type { FunctionHarness } from '../support/functionHarness'
import { orderIdOf } from './testItems'

/** One seeded member: the OPENID to call as and the member id to look them up by. */
export interface SeededMember {
  readonly openid: string
  readonly memberId: string
}

/** Writes members `<prefix>-0` … with `points` each (expiring at `expiresAtMs`, never by default). */
export async function seedMembers(
  harness: FunctionHarness,
  options: {
    readonly prefix: string
    readonly count: number
    readonly points: number
    readonly tierId?: string
    readonly expiresAtMs?: number | null
    readonly atMs: number
  },
): Promise<SeededMember[]> {
  const members: Member[] = []
  const entries: LedgerEntry[] = []
  for (let index = 0; index < options.count; index += 1) {
    const openid = `${options.prefix}-${index}`
    const memberId = memberIdOf(openid)
    const earned = earnPoints(EMPTY_WALLET, { amount: options.points, expiresAtMs: options.expiresAtMs ?? null })
    const key = `join_${memberId}`
    const draft = draftEntry('earn', earned, {
      source: 'join',
      operatorId: null,
      idempotencyKey: key,
      createdAtMs: options.atMs,
      reason: null,
    })
    entries.push({ _id: key, memberId, ...draft, lotChanges: [...draft.lotChanges] })
    members.push({
      _id: memberId,
      openid,
      joinedAtMs: options.atMs,
      joinedStoreId: null,
      referrerMemberId: null,
      profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
      profileCompletionRewarded: false,
      tierId: options.tierId ?? 'regular',
      growth: 0,
      periodAnchorDay: '2026-11-01',
      points: earned.wallet,
      checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
      firstPurchaseAtMs: null,
    })
  }
  await harness.db.collection('members').add({ data: members })
  await harness.db.collection('ledger').add({ data: entries })
  return members.map((member) => ({ openid: member.openid, memberId: member._id }))
}

/** Writes one member (see `seedMembers`): `<prefix>-0`. */
export async function seedMember(
  harness: FunctionHarness,
  options: Omit<Parameters<typeof seedMembers>[1], 'count'>,
): Promise<SeededMember> {
  const [member] = await seedMembers(harness, { ...options, count: 1 })
  if (!member) throw new Error('seeding one member wrote none')
  return member
}

/** Writes `count` members with 1000 points (see `seedMembers`), each of whom then redeems one unit of a pickup item at `atMs`. */
export async function membersWithOrders(
  harness: FunctionHarness,
  options: { readonly prefix: string; readonly count: number; readonly itemId: string; readonly atMs: number },
): Promise<(SeededMember & { readonly orderId: string })[]> {
  const { prefix, itemId, atMs } = options
  const members = await seedMembers(harness, { prefix, count: options.count, points: 1000, atMs: atMs - 86_400_000 })
  const placed = []
  for (const [index, member] of members.entries()) {
    const answer = await harness.call(
      'mall',
      'redeem',
      { itemId, requestId: `${prefix}-request-${index}` },
      { as: member.openid, atMs },
    )
    placed.push({ ...member, orderId: orderIdOf(answer) })
  }
  return placed
}

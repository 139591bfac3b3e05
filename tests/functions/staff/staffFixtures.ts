/**
 * The people and codes the staff tests act with: the seeded demo staff of store 1, a staff member of
 * store 2 written in, members seeded with points, and member or coupon codes signed (or forged) the
 * way the functions sign them.
 */
import { createHmac } from 'node:crypto'
import { COUNTER_SESSION_TTL_MS, type CodeKind, issueCode, type Signer } from '@shared/codes'
import { EMPTY_WALLET } from '@shared/ledger'
import { forAudience } from '../../../cloudfunctions/common/codeSigning'
import { memberIdOf } from '../../../cloudfunctions/common/memberId'
import { DEVELOPMENT_FUNCTION_ENVIRONMENT } from '../../../emulator/developmentSecrets'
import { type SeededMember, seedMember } from '../mall/seededMembers'
import type { FunctionHarness } from '../support/functionHarness'

/** Noon in Shanghai on a day of November 2026 (23 November is a Monday: no double-points campaign). */
export const shanghaiNoon = (day: number) => Date.UTC(2026, 10, day, 4)
export const NOW = shanghaiNoon(23)

/** The seeded demo staff (emulator/seed/demoData.ts) and one written in for store 2. */
export const STAFF = 'o-demo-staff-store-1'
export const MANAGER = 'o-demo-manager-store-1'
export const ADMIN = 'o-demo-admin'
export const OTHER_STORE_STAFF = 'o-test-staff-store-2'
export const OTHER_STORE_MANAGER = 'o-test-manager-store-2'

/** Binds the store-2 staff member and manager, as an accepted invite would. */
export async function bindStoreTwo(harness: FunctionHarness): Promise<void> {
  await harness.db.collection('staff').add({
    data: [
      {
        _id: OTHER_STORE_STAFF,
        openid: OTHER_STORE_STAFF,
        role: 'staff',
        storeId: 'store-2',
        name: '小周',
        boundAtMs: 0,
      },
      {
        _id: OTHER_STORE_MANAGER,
        openid: OTHER_STORE_MANAGER,
        role: 'manager',
        storeId: 'store-2',
        name: '李店长',
        boundAtMs: 0,
      },
    ],
  })
}

const signerWith =
  (secret: string): Signer =>
  (message) =>
    createHmac('sha256', secret).update(message).digest()

/** The signer the functions use locally (the development secret). */
export const serverSigner = signerWith(DEVELOPMENT_FUNCTION_ENVIRONMENT.MEMBER_CODE_SECRET as string)
/** A signer with some other secret: what a forger would have. */
export const forgerSigner = signerWith('not-the-server-secret-at-all-000')

/** A code of `kind` for `subjectId`, issued at `atMs` for `ttlMs` (one minute by default). */
export function codeFor(
  kind: CodeKind,
  subjectId: string,
  options: { readonly atMs?: number; readonly ttlMs?: number; readonly sign?: Signer } = {},
): string {
  return issueCode({
    kind,
    subjectId,
    nowMs: options.atMs ?? NOW,
    ttlMs: options.ttlMs ?? 60_000,
    nonce: 'nonce-01',
    sign: options.sign ?? serverSigner,
  }).token
}

/** A counter session for `memberId`, as `staff.resolveMemberCode` answers it to `clerk` at `atMs`. */
export function sessionFor(
  memberId: string,
  clerk: string,
  options: { readonly atMs?: number; readonly ttlMs?: number; readonly sign?: Signer } = {},
): string {
  const sign = forAudience(options.sign ?? serverSigner, clerk)
  return codeFor('counter', memberId, { ttlMs: COUNTER_SESSION_TTL_MS, ...options, sign })
}

/** A purchase as the tests write it (by member id), as `staff.recordPurchase` takes it from `clerk`. */
export function purchaseBy<Purchase extends { readonly memberId: string }>(
  clerk: string,
  { memberId, ...purchase }: Purchase,
  atMs = NOW,
): Omit<Purchase, 'memberId'> & { readonly session: string } {
  return { ...purchase, session: sessionFor(memberId, clerk, { atMs }) }
}

/** A stored member's points balance and growth. */
export async function memberState(
  harness: FunctionHarness,
  memberId: string,
): Promise<{ balance: number; growth: number; tierId: string; firstPurchaseAtMs: number | null }> {
  const { data } = await harness.db.collection('members').doc(memberId).get()
  return {
    balance: data.points.balance,
    growth: data.growth,
    tierId: data.tierId,
    firstPurchaseAtMs: data.firstPurchaseAtMs,
  }
}

/** Every document of the collections a refused action must not have changed, for before/after comparisons. */
export async function snapshotOf(harness: FunctionHarness): Promise<Record<string, unknown[]>> {
  const collections = ['members', 'ledger', 'audit', 'coupons', 'orders', 'invites', 'staff', 'uploads']
  const entries = await Promise.all(
    collections.map(async (name) => {
      const { data } = await harness.db.collection(name).limit(1000).get()
      const sorted = [...(data as { _id: string }[])].sort((a, b) => a._id.localeCompare(b._id))
      return [name, sorted] as const
    }),
  )
  return Object.fromEntries(entries)
}

/** Writes a coupon for a member straight into the wallet: ¥5 off ¥30, valid from `validFromMs` to `validUntilMs`. */
export async function insertCoupon(
  harness: FunctionHarness,
  options: {
    readonly id: string
    readonly memberId: string
    readonly validFromMs?: number
    readonly validUntilMs?: number
  },
): Promise<string> {
  await harness.db.collection('coupons').add({
    data: {
      _id: options.id,
      memberId: options.memberId,
      templateId: 'five-off-thirty',
      title: '满30减5',
      description: null,
      benefit: { kind: 'cashOff', amountOffFen: 500, minSpendFen: 3000 },
      validFromMs: options.validFromMs ?? NOW - 86_400_000,
      validUntilMs: options.validUntilMs ?? NOW + 7 * 86_400_000,
      usedAtMs: null,
      usedBy: null,
      usedStoreId: null,
      source: 'claim',
      sourceId: 'five-off-thirty',
      requestId: null,
      issuedAtMs: NOW - 86_400_000,
    },
  })
  return options.id
}

/** Writes a pickup order waiting at the counter (its points already spent, so no ledger entry is needed here). */
export async function insertOrder(
  harness: FunctionHarness,
  options: { readonly id: string; readonly memberId: string; readonly pickupCode: string; readonly status?: string },
): Promise<string> {
  await harness.db.collection('orders').add({
    data: {
      _id: options.id,
      memberId: options.memberId,
      itemId: 'item-tote-bag',
      title: '帆布袋',
      image: null,
      pointsSpent: 300,
      lotChanges: [],
      pickupCode: options.pickupCode,
      status: options.status ?? 'awaitingPickup',
      requestId: 'seeded-order',
      createdAtMs: NOW - 3_600_000,
      pickedUpAtMs: null,
      pickedUpBy: null,
      pickedUpStoreId: null,
      cancelledAtMs: options.status === 'cancelled' ? NOW - 60_000 : null,
    },
  })
  return options.id
}

/** Sets fields of a stored member (a referrer, a birthday, growth), as earlier activity would have. */
export async function updateMember(harness: FunctionHarness, memberId: string, data: Record<string, unknown>) {
  await harness.db.collection('members').doc(memberId).update({ data })
}

/** One member `<prefix>-0` with `points` (see `seedMember`); with 0 points, a member who has no ledger entry yet. */
export async function seedCustomer(
  harness: FunctionHarness,
  options: { readonly prefix: string; readonly points: number; readonly atMs?: number },
): Promise<SeededMember> {
  const atMs = options.atMs ?? NOW
  if (options.points > 0) return seedMember(harness, { prefix: options.prefix, points: options.points, atMs })
  const openid = `${options.prefix}-0`
  const memberId = memberIdOf(openid)
  await harness.db.collection('members').add({
    data: {
      _id: memberId,
      openid,
      joinedAtMs: atMs,
      joinedStoreId: null,
      referrerMemberId: null,
      profile: { nickname: null, avatarUrl: null, birthday: null, phoneNumber: null },
      profileCompletionRewarded: false,
      tierId: 'regular',
      growth: 0,
      periodAnchorDay: '2026-11-01',
      points: EMPTY_WALLET,
      checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
      firstPurchaseAtMs: null,
    },
  })
  return { openid, memberId }
}

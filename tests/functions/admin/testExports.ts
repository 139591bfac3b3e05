import { createHash } from 'node:crypto'
import type { ExportView } from '@shared/contracts'
import { parseCsv } from '@shared/exports'
import { EMPTY_WALLET } from '@shared/ledger'
import type { Member } from '@shared/member'
import { NOW } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import type { FunctionHarness } from '../support/functionHarness'

/** Inserts at most this many documents per request. */
const INSERT_BATCH = 500

/** A nickname a CSV must carry through unchanged: commas, quotes, line breaks, and one a spreadsheet would run. */
const NICKNAMES = ['小满', '阿,满', '"引号"', '换\n行', '=SUM(A1)', null] as const

/** Member `index` of a store: its own phone and a nickname from `NICKNAMES`. */
export function exportMember(prefix: string, index: number, storeId: string | null): Member {
  const id = `${prefix}-${String(index).padStart(5, '0')}`
  return {
    _id: id,
    openid: `o-${id}`,
    joinedAtMs: NOW - 86_400_000 - index * 1000,
    joinedStoreId: storeId,
    referrerMemberId: null,
    profile: {
      nickname: NICKNAMES[index % NICKNAMES.length] ?? null,
      avatarUrl: null,
      birthday: index % 3 === 0 ? '05-20' : null,
      phoneNumber: index % 4 === 0 ? null : `139${String(index).padStart(8, '0')}`,
    },
    profileCompletionRewarded: false,
    tierId: 'regular',
    growth: index % 50,
    periodAnchorDay: '2026-11-01',
    points: EMPTY_WALLET,
    checkIn: { lastDay: null, runLength: 0, recentDays: [], makeupsByMonth: {} },
    firstPurchaseAtMs: null,
  }
}

/** Inserts documents in batches. */
export async function insertAll(harness: FunctionHarness, collection: string, documents: readonly object[]) {
  for (let start = 0; start < documents.length; start += INSERT_BATCH) {
    await harness.db.collection(collection).add({ data: documents.slice(start, start + INSERT_BATCH) })
  }
}

/** Members of each store, inserted, answered in id order. */
export async function seedStoreMembers(
  harness: FunctionHarness,
  counts: Readonly<Record<string, number>>,
): Promise<Member[]> {
  const members = Object.entries(counts).flatMap(([storeId, count]) =>
    Array.from({ length: count }, (_unused, index) => exportMember(`m-${storeId}`, index, storeId)),
  )
  await insertAll(harness, 'members', members)
  return members.sort((a, b) => (a._id < b._id ? -1 : 1))
}

/**
 * A fresh export as `requestExport` records it, before anything worked on it: what a request killed right after
 * recording leaves (its lease lapsed), or what the job finds when nobody continued.
 */
export async function insertFreshExport(
  harness: FunctionHarness,
  fields: { readonly seed: string; readonly openid: string; readonly role: string; readonly storeId: string | null },
): Promise<string> {
  const exportId = testExportId(fields.seed)
  await harness.db.collection('exports').add({
    data: {
      _id: exportId,
      requestId: `request-${fields.seed}`,
      kind: 'members',
      openid: fields.openid,
      role: fields.role,
      storeId: fields.storeId,
      from: null,
      to: null,
      fromMs: null,
      toMs: null,
      phonesMasked: fields.role !== 'admin',
      requestedAtMs: NOW,
      token: createHash('sha256').update(`token-${fields.seed}`).digest('hex').slice(0, 24),
      status: 'running',
      cursor: null,
      parts: 0,
      rows: 0,
      rowsDone: false,
      holder: null,
      leaseUntilMs: 0,
      fileId: null,
      finishedAtMs: null,
      partsLeft: true,
    },
  })
  return exportId
}

/** Continues an export as the page does, until it is done (a bounded number of times). */
export async function finished(
  harness: FunctionHarness,
  view: ExportView,
  options: { readonly as: string; readonly atMs: number },
): Promise<ExportView> {
  let current = view
  for (let attempt = 0; current.status !== 'done' && attempt < 30; attempt += 1) {
    current = dataOf(await harness.call('admin', 'continueExport', { exportId: current.exportId }, options))
  }
  return current
}

/** The file behind a download link, as bytes: a spreadsheet's view of it, the BOM checked and dropped. */
export async function downloadedRows(view: ExportView): Promise<string[][]> {
  if (view.downloadUrl === null) throw new Error(`export ${view.exportId} has no link`)
  const response = await fetch(view.downloadUrl)
  expect(response.status).toBe(200)
  const bytes = Buffer.from(await response.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parseCsv(bytes.toString('utf8'))
}

/** An export id of the pattern the functions write, for documents a test writes itself. */
export function testExportId(seed: string): string {
  return `x${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`
}

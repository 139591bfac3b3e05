/**
 * CSV exports through the real SDK and the emulator's storage: what the downloaded file holds against the
 * stored data, who may export what, masking, and that a killed or overlapping run writes each row exactly once.
 */
import type { ExportView } from '@shared/contracts'
import type { LedgerEntry, Member } from '@shared/member'
import { ADMIN, bindStoreTwo, MANAGER, NOW, OTHER_STORE_MANAGER } from '../staff/staffFixtures'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { downloadedRows, exportMember, finished, insertAll, insertFreshExport, seedStoreMembers } from './testExports'
import { isStored, uploadThroughSdk } from './testUploads'

jest.setTimeout(180_000)

const MEMBER_HEADER = [
  '会员编号',
  '昵称',
  '手机号',
  '生日',
  '等级',
  '积分',
  '成长值',
  '加入门店',
  '加入时间',
  '最近到店',
]
const STORE_NAMES: Record<string, string> = {}
/** Past any lease a killed invocation left (70 s). */
const LEASE_LAPSED_MS = 71_000

/** What a spreadsheet shows for a nickname: a formula kept as text. */
const shownText = (text: string | null) => (text === null ? '' : /^[=+\-@]/.test(text) ? `'${text}` : text)

describe('CSV exports', () => {
  const harness = useFunctionHarness()

  beforeEach(async () => {
    await bindStoreTwo(harness)
    const { data } = await harness.db.collection('stores').get()
    for (const store of data as { _id: string; name: string }[]) STORE_NAMES[store._id] = store.name
  })

  const request = (as: string, input: Record<string, unknown>, atMs = NOW) =>
    harness.call('admin', 'requestExport', input as never, { as, atMs })
  const exportOf = async (as: string, input: Record<string, unknown>, atMs = NOW): Promise<ExportView> =>
    finished(harness, dataOf(await request(as, input, atMs)), { as, atMs: atMs + 1000 })
  const exportsStored = async () => (await harness.db.collection('exports').get()).data

  /** The member columns the stored member should show: the raw data, written out by hand. */
  function expectedMemberRow(member: Member, masked: boolean): string[] {
    const phone = member.profile.phoneNumber
    return [
      member._id,
      shownText(member.profile.nickname),
      phone === null ? '' : masked ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone,
      member.profile.birthday ?? '',
      '普通会员',
      String(member.points.balance),
      String(member.growth),
      member.joinedStoreId === null ? '' : (STORE_NAMES[member.joinedStoreId] ?? member.joinedStoreId),
    ]
  }

  it("writes an admin's members export of two stores, in parts, equal to the stored members, phones in full", async () => {
    const members = await seedStoreMembers(harness, { 'store-1': 700, 'store-2': 600 })
    const view = await exportOf(ADMIN, { requestId: 'export-all-0001', kind: 'members' })
    expect(view).toMatchObject({ status: 'done', kind: 'members', storeId: null, phonesMasked: false, rows: 1300 })
    const [header, ...rows] = await downloadedRows(view)
    expect(header).toEqual(MEMBER_HEADER)
    expect(rows.map((row) => row.slice(0, 8))).toEqual(members.map((member) => expectedMemberRow(member, false)))
    // The joined times on Shanghai's wall clock.
    const first = members[0] as Member
    const local = new Date(first.joinedAtMs + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19)
    expect(rows[0]?.[8]).toBe(local)
    // Joined from parts, which are deleted once the file is recorded.
    const [stored] = await exportsStored()
    expect(stored).toMatchObject({ parts: 2, partsLeft: false, status: 'done' })
  })

  it("answers a manager their own store's members only, phones masked, in one file written at once", async () => {
    const members = await seedStoreMembers(harness, { 'store-1': 150, 'store-2': 120 })
    const view = await exportOf(MANAGER, { requestId: 'export-mine-001', kind: 'members' })
    expect(view).toMatchObject({ status: 'done', storeId: 'store-1', phonesMasked: true, rows: 150 })
    const [, ...rows] = await downloadedRows(view)
    const own = members.filter((member) => member.joinedStoreId === 'store-1')
    expect(rows.map((row) => row.slice(0, 8))).toEqual(own.map((member) => expectedMemberRow(member, true)))
    expect(rows.some((row) => /^139\d{8}$/.test(row[2] ?? ''))).toBe(false)
    const [stored] = await exportsStored()
    expect(stored).toMatchObject({ parts: 0, partsLeft: false })
    // Audited under the store, so its manager and the admins see who took its members' data.
    const { data: entry } = await harness.db.collection('audit').doc(`export_${view.exportId}`).get()
    expect(entry).toMatchObject({
      action: 'requestExport',
      operatorOpenid: MANAGER,
      storeId: 'store-1',
      kind: 'members',
      phonesMasked: true,
      note: '会员',
    })
  })

  it('exports only the members who joined in the business days asked for', async () => {
    const joinedOn = (day: number, index: number) => ({
      ...exportMember('m-range', index, 'store-1'),
      // Shanghai's midnight and the last second before the next: the range's edges.
      joinedAtMs: Date.UTC(2026, 10, day - 1, 16) + (index % 2 === 0 ? 0 : 86_399_000),
    })
    const members = [joinedOn(10, 0), joinedOn(15, 1), joinedOn(16, 2), joinedOn(17, 3), joinedOn(17, 4)]
    await insertAll(harness, 'members', members)
    const view = await exportOf(ADMIN, {
      requestId: 'export-range-01',
      kind: 'members',
      from: '2026-11-15',
      to: '2026-11-16',
    })
    const [, ...rows] = await downloadedRows(view)
    expect(rows.map((row) => row[0])).toEqual([members[1]?._id, members[2]?._id])
  })

  it("refuses a manager another store's export, and changes nothing", async () => {
    await seedStoreMembers(harness, { 'store-2': 5 })
    await expect(
      request(MANAGER, { requestId: 'export-other-01', kind: 'members', storeId: 'store-2' }),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    await expect(exportsStored()).resolves.toEqual([])
    await expect(harness.db.collection('audit').where({ action: 'requestExport' }).count()).resolves.toMatchObject({
      total: 0,
    })
    // Their own store named explicitly is theirs; an admin may pick any store.
    await expect(
      request(OTHER_STORE_MANAGER, { requestId: 'export-other-02', kind: 'members', storeId: 'store-2' }),
    ).resolves.toMatchObject({ ok: true, data: { storeId: 'store-2', rows: 5 } })
    await expect(
      request(ADMIN, { requestId: 'export-other-03', kind: 'members', storeId: 'store-2' }),
    ).resolves.toMatchObject({ ok: true, data: { storeId: 'store-2', rows: 5, phonesMasked: false } })
  })

  it.each([
    ['a ledger without a range', { kind: 'ledger' }],
    ['half a range', { kind: 'ledger', from: '2026-11-01' }],
    ['a range ending before it starts', { kind: 'ledger', from: '2026-11-10', to: '2026-11-01' }],
    ['a range over 92 days', { kind: 'ledger', from: '2026-08-01', to: '2026-11-23' }],
    ['a day that is not one', { kind: 'ledger', from: '2026-02-30', to: '2026-03-01' }],
    ['another kind', { kind: 'orders' }],
    ['an unknown field', { kind: 'members', everything: true }],
  ])('refuses %s as INVALID_INPUT and writes nothing', async (_name, input) => {
    await expect(request(ADMIN, { requestId: 'export-bad-0001', ...input })).resolves.toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    await expect(exportsStored()).resolves.toEqual([])
  })

  it('answers a retried request the same export, and another export under the same id REQUEST_ID_REUSED', async () => {
    await seedStoreMembers(harness, { 'store-1': 3 })
    const first = dataOf(await request(ADMIN, { requestId: 'export-again-01', kind: 'members' }))
    const again = dataOf(await request(ADMIN, { requestId: 'export-again-01', kind: 'members' }, NOW + 5000))
    expect(again).toMatchObject({ exportId: first.exportId, status: 'done', rows: first.rows })
    await expect(
      request(ADMIN, { requestId: 'export-again-01', kind: 'members', storeId: 'store-1' }),
    ).resolves.toMatchObject({ ok: false, code: 'REQUEST_ID_REUSED' })
    await expect(exportsStored()).resolves.toHaveLength(1)
    await expect(harness.db.collection('audit').where({ action: 'requestExport' }).count()).resolves.toMatchObject({
      total: 1,
    })
  })

  describe('the ledger', () => {
    const noonOf = (day: number) => Date.UTC(2026, 10, day, 4)

    /** Entries of members of both stores on days 16–24, some at the same instant; balances match. */
    async function seedLedger(perMember: number, counts: Readonly<Record<string, number>>) {
      const members: Member[] = []
      const entries: LedgerEntry[] = []
      for (const [storeId, count] of Object.entries(counts)) {
        for (let index = 0; index < count; index += 1) {
          const member = exportMember(`l-${storeId}`, index, storeId)
          for (let n = 0; n < perMember; n += 1) {
            entries.push({
              _id: `e-${member._id}-${n}`,
              memberId: member._id,
              type: 'earn',
              amount: 10,
              balanceAfter: 10 * (n + 1),
              lotChanges: [{ expiresAtMs: null, delta: 10 }],
              shortfall: 0,
              source: `purchase:${member._id}-${n}`,
              operatorId: null,
              idempotencyKey: `e-${member._id}-${n}`,
              reason: null,
              // Days 16 to 24, many entries sharing an instant: the order must still be total.
              createdAtMs: noonOf(16 + ((index + n) % 9)) + (index % 7) * 1000,
            })
          }
          const balance = 10 * perMember
          members.push({ ...member, points: { balance, lots: [{ expiresAtMs: null, amount: balance }] } })
        }
      }
      await insertAll(harness, 'members', members)
      await insertAll(harness, 'ledger', entries)
      return entries
    }

    const WEEK = { from: '2026-11-17', to: '2026-11-23' }
    const inWeek = (entry: LedgerEntry) =>
      entry.createdAtMs >= noonOf(17) - 12 * 3_600_000 && entry.createdAtMs < noonOf(24) - 12 * 3_600_000
    const byTimeThenId = (a: LedgerEntry, b: LedgerEntry) =>
      a.createdAtMs - b.createdAtMs || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)

    it("exports the chain's entries of a week in time order, each once, across batches", async () => {
      const entries = await seedLedger(3, { 'store-1': 300, 'store-2': 250 })
      const view = await exportOf(ADMIN, { requestId: 'export-ledger-1', kind: 'ledger', ...WEEK })
      const expected = entries.filter(inWeek).sort(byTimeThenId)
      expect(expected.length).toBeGreaterThan(1000)
      expect(view).toMatchObject({ status: 'done', rows: expected.length, from: WEEK.from, to: WEEK.to })
      const [header, ...rows] = await downloadedRows(view)
      expect(header).toEqual(['时间', '会员编号', '类型', '积分', '余额', '来源', '来源单号', '原因', '操作人'])
      expect(rows.map((row) => [row[1], row[6], row[3], row[4]])).toEqual(
        expected.map((entry) => [entry.memberId, entry.source, '10', String(entry.balanceAfter)]),
      )
    })

    it("exports a manager's store: the entries of its members only", async () => {
      const entries = await seedLedger(2, { 'store-1': 40, 'store-2': 30 })
      const view = await exportOf(MANAGER, { requestId: 'export-ledger-2', kind: 'ledger', ...WEEK })
      const expected = entries
        .filter((entry) => inWeek(entry) && entry.memberId.startsWith('l-store-1-'))
        .sort(byTimeThenId)
      expect(view).toMatchObject({ status: 'done', storeId: 'store-1', rows: expected.length })
      const [, ...rows] = await downloadedRows(view)
      expect(rows.map((row) => row[6])).toEqual(expected.map((entry) => entry.source))
    })
  })

  describe('resuming', () => {
    async function expectEachMemberOnce(view: ExportView, members: readonly Member[]) {
      const [, ...rows] = await downloadedRows(view)
      expect(rows.map((row) => row[0])).toEqual(members.map((member) => member._id))
    }

    it('writes each row once when invocations are killed part-way and the job finishes the export', async () => {
      const members = await seedStoreMembers(harness, { 'store-1': 1200, 'store-2': 1100 })
      const exportId = await insertFreshExport(harness, { seed: 'killed', openid: ADMIN, role: 'admin', storeId: null })
      // Two invocations killed somewhere in their batches, each leaving a lease it never lets go of.
      const killed = (atMs: number, timeLimitMs: number) =>
        harness
          .call('admin', 'continueExport', { exportId }, { as: ADMIN, atMs, timeLimitMs })
          .catch((error) => expect(error).toMatchObject({ kind: 'timeout' }))
      await killed(NOW, 300)
      await killed(NOW + LEASE_LAPSED_MS, 700)
      await expect(
        harness.call(
          'jobs',
          'run',
          { job: 'exportCsv', dryRun: false },
          { as: ADMIN, atMs: NOW + 2 * LEASE_LAPSED_MS },
        ),
      ).resolves.toMatchObject({ ok: true, data: { outcome: 'finished' } })
      const [view] = dataOf(
        await harness.call('admin', 'exports', {}, { as: ADMIN, atMs: NOW + 2 * LEASE_LAPSED_MS + 1000 }),
      ).exports
      expect(view).toMatchObject({ status: 'done', rows: 2300 })
      await expectEachMemberOnce(view as ExportView, members)
    })

    it('lets one of invocations racing on an export write it, each row once', async () => {
      const members = await seedStoreMembers(harness, { 'store-1': 1200, 'store-2': 900 })
      const exportId = await insertFreshExport(harness, { seed: 'raced', openid: ADMIN, role: 'admin', storeId: null })
      await harness.warm('admin')
      const continued = Array.from({ length: 4 }, () =>
        harness.call('admin', 'continueExport', { exportId }, { as: ADMIN, atMs: NOW }),
      )
      const job = harness.call('jobs', 'run', { job: 'exportCsv', dryRun: false }, { as: ADMIN, atMs: NOW })
      const answers = await Promise.all([...continued, job])
      expect(answers.every((answer) => answer.ok)).toBe(true)
      const view = await finished(harness, { ...dataOf(answers[0] as never), status: 'running' } as ExportView, {
        as: ADMIN,
        atMs: NOW + 1000,
      })
      expect(view).toMatchObject({ status: 'done', rows: 2100 })
      await expectEachMemberOnce(view, members)
    })

    it('writes again a part a dead invocation stored but never recorded, and deletes the parts once done', async () => {
      const members = await seedStoreMembers(harness, { 'store-1': 1100 })
      const requested = dataOf(await request(ADMIN, { requestId: 'export-dead-001', kind: 'members' }))
      const exportId = requested.exportId
      // As if an invocation had written part 0 of a fresh export and died before recording it: garbage in the
      // part, the export with no part recorded, its lease lapsed.
      const { data: stored } = await harness.db.collection('exports').doc(exportId).get()
      const folder = `exports/${exportId}-${stored.token}`
      await harness.db
        .collection('exports')
        .doc(exportId)
        .update({
          data: {
            status: 'running',
            parts: 0,
            rows: 0,
            cursor: null,
            rowsDone: false,
            fileId: null,
            finishedAtMs: null,
            partsLeft: true,
            holder: 'a-dead-invocation',
            leaseUntilMs: NOW + 60_000,
          },
        })
      await uploadThroughSdk(`${folder}/part-0.csv`, Buffer.from('garbage,row\r\n'))
      // The lease still holds: the page's continue leaves it alone.
      await expect(
        harness.call('admin', 'continueExport', { exportId }, { as: ADMIN, atMs: NOW + 30_000 }),
      ).resolves.toMatchObject({ ok: true, data: { status: 'running', rows: 0 } })
      const view = await finished(
        harness,
        { ...requested, status: 'running' },
        { as: ADMIN, atMs: NOW + LEASE_LAPSED_MS },
      )
      expect(view).toMatchObject({ status: 'done', rows: 1100 })
      await expectEachMemberOnce(view, members)
      const { data: done } = await harness.db.collection('exports').doc(exportId).get()
      expect(done).toMatchObject({ parts: 2, partsLeft: false })
      const { fileId } = done as { fileId: string }
      const bucket = fileId.slice(0, fileId.indexOf('/exports/'))
      await expect(isStored(`${bucket}/${folder}/part-0.csv`)).resolves.toBe(false)
      await expect(isStored(`${bucket}/${folder}/part-1.csv`)).resolves.toBe(false)
      await expect(isStored(fileId)).resolves.toBe(true)
    })

    it('deletes a done export a week on, file and record, and keeps its audit entry', async () => {
      await seedStoreMembers(harness, { 'store-1': 3 })
      const view = await exportOf(ADMIN, { requestId: 'export-kept-001', kind: 'members' })
      const { data: stored } = await harness.db.collection('exports').doc(view.exportId).get()
      const run = (atMs: number) =>
        harness.call('jobs', 'run', { job: 'exportCsv', dryRun: false }, { as: ADMIN, atMs })
      // Six days on, still there.
      await expect(run(NOW + 6 * 86_400_000)).resolves.toMatchObject({ ok: true, data: { summary: { scanned: 0 } } })
      await expect(isStored(stored.fileId)).resolves.toBe(true)
      await expect(run(NOW + 7 * 86_400_000 + 60_000)).resolves.toMatchObject({
        ok: true,
        data: { outcome: 'finished', summary: { scanned: 1, affected: 1 } },
      })
      await expect(isStored(stored.fileId)).resolves.toBe(false)
      await expect(exportsStored()).resolves.toEqual([])
      await expect(harness.db.collection('audit').doc(`export_${view.exportId}`).get()).resolves.toMatchObject({
        data: { action: 'requestExport' },
      })
    })

    it('lets the exportCsv job finish an export nobody continued; a dry run counts it and writes nothing', async () => {
      await seedStoreMembers(harness, { 'store-2': 40 })
      const exportId = await insertFreshExport(harness, {
        seed: 'by-job',
        openid: OTHER_STORE_MANAGER,
        role: 'manager',
        storeId: 'store-2',
      })
      const run = (dryRun: boolean, atMs: number) =>
        harness.call('jobs', 'run', { job: 'exportCsv', dryRun }, { as: ADMIN, atMs })
      await expect(run(true, NOW + 1000)).resolves.toMatchObject({
        ok: true,
        data: { outcome: 'finished', summary: { scanned: 1, affected: 1 } },
      })
      await expect(harness.db.collection('exports').doc(exportId).get()).resolves.toMatchObject({
        data: { status: 'running', rows: 0 },
      })
      await expect(run(false, NOW + 2000)).resolves.toMatchObject({
        ok: true,
        data: { outcome: 'finished', summary: { scanned: 1, affected: 1, effects: 40 } },
      })
      const [view] = dataOf(
        await harness.call('admin', 'exports', {}, { as: OTHER_STORE_MANAGER, atMs: NOW + 3000 }),
      ).exports
      expect(view).toMatchObject({ exportId, status: 'done', rows: 40, phonesMasked: true })
      const [, ...rows] = await downloadedRows(view as ExportView)
      expect(rows).toHaveLength(40)
    })
  })

  it("lists the caller's own exports only, newest first, with links for the done ones", async () => {
    await seedStoreMembers(harness, { 'store-1': 2 })
    await request(ADMIN, { requestId: 'export-list-001', kind: 'members' }, NOW)
    await request(
      ADMIN,
      { requestId: 'export-list-002', kind: 'ledger', from: '2026-11-01', to: '2026-11-02' },
      NOW + 1000,
    )
    await request(MANAGER, { requestId: 'export-list-003', kind: 'members' }, NOW + 2000)
    const listed = dataOf(await harness.call('admin', 'exports', {}, { as: ADMIN, atMs: NOW + 3000 })).exports
    expect(listed.map((view) => view.kind)).toEqual(['ledger', 'members'])
    expect(listed.every((view) => view.status === 'done' && view.downloadUrl !== null)).toBe(true)
    await expect(
      harness.call('admin', 'continueExport', { exportId: listed[0]?.exportId as string }, { as: MANAGER, atMs: NOW }),
    ).resolves.toMatchObject({ ok: false, code: 'EXPORT_NOT_FOUND' })
    const other = dataOf(await harness.call('admin', 'exports', {}, { as: MANAGER, atMs: NOW + 3000 })).exports
    expect(other).toHaveLength(1)
  })
})

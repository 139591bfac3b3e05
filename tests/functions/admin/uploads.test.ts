/**
 * Item pictures count only once recorded: `admin.prepareUpload` records a pending upload and answers its path,
 * the client uploads there through the SDK, and `admin.saveItem` accepts a new `cloud://` picture only when it is
 * that pending upload's file, stored in this environment's bucket under `items/`; saving records it. A replaced
 * picture is marked, not deleted; the `cleanupUploads` job deletes the files nobody recorded, a day on.
 */
import type { ActionInput, ApiEnvelope, JobOutcome } from '@shared/contracts'
import { LOCAL_ENV_ID } from '../../../emulator/localCloud'
import { bucketOf, fileIdOf } from '../../../emulator/storage'
import { insertItem } from '../mall/testItems'
import { ADMIN, MANAGER, NOW, snapshotOf } from '../staff/staffFixtures'
import { adminItemEdit } from '../support/actionScenarios'
import { dataOf } from '../support/answers'
import { useFunctionHarness } from '../support/functionHarness'
import { isStored, preparedUpload, uploadThroughSdk } from './testUploads'

jest.setTimeout(120_000)

const DAY_MS = 86_400_000
/** The harness clock runs on from a call's `atMs`: an instant a call wrote is at or a little after it. */
const SOON_MS = 60_000
const around = (atMs: number) => ({
  asymmetricMatch: (ms: unknown) => typeof ms === 'number' && ms >= atMs && ms < atMs + SOON_MS,
})
/** The router's INVALID_INPUT message: its headline, then `field: problem`. */
const invalid = (detail: string) => `输入有误：${detail}`
type SaveInput = ActionInput<'admin', 'saveItem'>

describe('item picture uploads', () => {
  const harness = useFunctionHarness()

  const save = (input: SaveInput, atMs = NOW) => harness.call('admin', 'saveItem', input, { as: ADMIN, atMs })
  // Queries, not `doc().get()`: the test's SDK throws for a missing document.
  const uploadOf = async (uploadId: string) =>
    (await harness.db.collection('uploads').where({ _id: uploadId }).get()).data[0] ?? null
  const itemOf = async (itemId: string) =>
    (await harness.db.collection('mall_items').where({ _id: itemId }).get()).data[0] ?? null
  const snapshot = async () => {
    const { data } = await harness.db.collection('mall_items').limit(1000).get()
    return { ...(await snapshotOf(harness)), items: data }
  }
  /** An item showing a recorded upload's picture, saved as the console does. */
  const itemWithPicture = async (itemId: string, atMs = NOW) => {
    const upload = await preparedUpload(harness, { as: ADMIN, atMs })
    dataOf(
      await save({ requestId: `save-${itemId}-pic1`, item: { ...adminItemEdit(itemId), image: upload.fileId } }, atMs),
    )
    return upload
  }
  const runCleanup = async (atMs: number, dryRun = false): Promise<JobOutcome> =>
    dataOf(await harness.call('jobs', 'run', { job: 'cleanupUploads', dryRun }, { as: ADMIN, atMs }))

  it('prepares a pending upload under items/ for an admin and answers its path', async () => {
    const prepared = dataOf(
      await harness.call(
        'admin',
        'prepareUpload',
        { purpose: 'item', type: 'webp', byteSize: 1000 },
        { as: ADMIN, atMs: NOW },
      ),
    )
    expect(prepared.cloudPath).toBe(`items/${prepared.uploadId}.webp`)
    expect(await uploadOf(prepared.uploadId)).toEqual({
      _id: prepared.uploadId,
      purpose: 'item',
      cloudPath: prepared.cloudPath,
      fileId: fileIdOf(LOCAL_ENV_ID, prepared.cloudPath),
      openid: ADMIN,
      createdAtMs: around(NOW),
      status: 'pending',
      statusAtMs: around(NOW),
      itemId: null,
    })
  })

  it.each([
    ['over 2 MB', { purpose: 'item', type: 'png', byteSize: 2 * 1024 * 1024 + 1 }, 'byteSize: 图片不能超过 2 MB'],
    ['a GIF', { purpose: 'item', type: 'gif' }, 'type: 只支持 PNG、JPEG 或 WebP 图片'],
  ])('refuses to prepare a picture %s, recording nothing', async (_case, input, message) => {
    const answer = (await harness.callRaw(
      'admin',
      { action: 'prepareUpload', input },
      { as: ADMIN, atMs: NOW },
    )) as ApiEnvelope<unknown>
    expect(answer).toEqual({ ok: false, code: 'INVALID_INPUT', message: invalid(message) })
    expect((await harness.db.collection('uploads').limit(10).get()).data).toEqual([])
  })

  it('records an uploaded picture on the item it is saved with', async () => {
    const upload = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
    const saved = dataOf(
      await save({ requestId: 'save-pic-000001', item: { ...adminItemEdit('item-pic'), image: upload.fileId } }),
    )
    expect(saved.item.image).toBe(upload.fileId)
    expect(await itemOf('item-pic')).toMatchObject({ image: upload.fileId })
    expect(await uploadOf(upload.uploadId)).toMatchObject({
      status: 'recorded',
      itemId: 'item-pic',
      statusAtMs: around(NOW),
    })
    // A replay answers the same and writes nothing more.
    const before = await snapshot()
    const replayed = dataOf(
      await save({ requestId: 'save-pic-000001', item: { ...adminItemEdit('item-pic'), image: upload.fileId } }),
    )
    expect(replayed).toEqual(saved)
    await expect(snapshot()).resolves.toEqual(before)
  })

  describe('refuses a picture that is not a recorded upload of this bucket, changing nothing', () => {
    const refusalCases: [string, () => Promise<{ image: string; message: string }>][] = [
      [
        'never prepared',
        async () => ({
          image: await uploadThroughSdk(`items/${'a'.repeat(32)}.png`),
          message: 'item.image: 图片未经登记，请重新上传',
        }),
      ],
      [
        'in another environment’s bucket',
        async () => {
          const { cloudPath } = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
          return {
            image: `cloud://prod-env.${bucketOf('prod-env')}/${cloudPath}`,
            message: 'item.image: 图片不在本环境的云存储中，请重新上传',
          }
        },
      ],
      [
        'outside items/',
        async () => {
          const { uploadId } = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
          return {
            image: await uploadThroughSdk(`avatars/${uploadId}.png`),
            message: 'item.image: 商品图片只能使用上传到 items/ 的图片',
          }
        },
      ],
      [
        'prepared but never uploaded',
        async () => ({
          image: (await preparedUpload(harness, { as: ADMIN, atMs: NOW, upload: false })).fileId,
          message: 'item.image: 图片尚未上传完成或已被删除，请重新上传',
        }),
      ],
      [
        'claimed by the cleanup job',
        async () => {
          const upload = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
          await harness.db
            .collection('uploads')
            .doc(upload.uploadId)
            .update({ data: { status: 'deleting' } })
          return { image: upload.fileId, message: 'item.image: 图片已失效，请重新上传' }
        },
      ],
      [
        'already another item’s',
        async () => ({
          image: (await itemWithPicture('item-other')).fileId,
          message: 'item.image: 这张图片已用于其他商品，请重新上传',
        }),
      ],
    ]

    it.each(refusalCases)('%s', async (_case, arrange) => {
      await insertItem(harness, { id: 'item-refused', title: '旧标题' })
      const { image, message } = await arrange()
      const before = await snapshot()
      const answer = await save({ requestId: 'save-refused-01', item: { ...adminItemEdit('item-refused'), image } })
      expect(answer).toEqual({ ok: false, code: 'INVALID_INPUT', message: invalid(message) })
      await expect(snapshot()).resolves.toEqual(before)
    })
  })

  it('marks the picture an item no longer shows as replaced and keeps its file for now', async () => {
    const first = await itemWithPicture('item-swap')
    const second = await preparedUpload(harness, { as: ADMIN, atMs: NOW + 1000 })
    const saved = dataOf(
      await save(
        { requestId: 'save-swap-00002', item: { ...adminItemEdit('item-swap'), image: second.fileId } },
        NOW + 2000,
      ),
    )
    expect(saved.changes).toEqual({ image: { before: first.fileId, after: second.fileId } })
    expect(await uploadOf(first.uploadId)).toMatchObject({ status: 'replaced', statusAtMs: around(NOW + 2000) })
    expect(await uploadOf(second.uploadId)).toMatchObject({ status: 'recorded', itemId: 'item-swap' })
    expect(await isStored(first.fileId)).toBe(true)
  })

  it('goes on with a save that recorded its picture and stopped before the item', async () => {
    await insertItem(harness, { id: 'item-retry' })
    const upload = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
    // What the first attempt left: the upload recorded for the item, the item not yet written.
    await harness.db
      .collection('uploads')
      .doc(upload.uploadId)
      .update({ data: { status: 'recorded', itemId: 'item-retry' } })
    dataOf(await save({ requestId: 'save-retry-0001', item: { ...adminItemEdit('item-retry'), image: upload.fileId } }))
    expect(await itemOf('item-retry')).toMatchObject({ image: upload.fileId })
  })

  it('keeps external https pictures allowed', async () => {
    const image = 'https://cdn.example.com/tote.png'
    const saved = dataOf(await save({ requestId: 'save-https-001', item: { ...adminItemEdit('item-https'), image } }))
    expect(saved.item.image).toBe(image)
  })

  describe('the cleanupUploads job', () => {
    /** A day and a minute after NOW: in the next business day, past every upload's day made at NOW. */
    const LATER = NOW + DAY_MS + 60_000

    /** A stale pending upload, a stale replaced one, the recorded one that replaced it, and a fresh pending one. */
    async function arrange() {
      const pending = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
      const replaced = await itemWithPicture('item-cleanup')
      const recorded = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
      dataOf(
        await save({
          requestId: 'save-cleanup-02',
          item: { ...adminItemEdit('item-cleanup'), image: recorded.fileId },
        }),
      )
      const fresh = await preparedUpload(harness, { as: ADMIN, atMs: LATER - 60 * 60_000 })
      return { pending, replaced, recorded, fresh }
    }

    it('deletes the files and records of uploads pending or replaced for a day, and keeps recorded and fresh ones', async () => {
      const { pending, replaced, recorded, fresh } = await arrange()
      const outcome = await runCleanup(LATER)
      expect(outcome).toMatchObject({
        outcome: 'finished',
        summary: { scanned: 2, affected: 2, effects: 2, skipped: 0 },
      })
      expect(await isStored(pending.fileId)).toBe(false)
      expect(await isStored(replaced.fileId)).toBe(false)
      expect(await uploadOf(pending.uploadId)).toBeNull()
      expect(await uploadOf(replaced.uploadId)).toBeNull()
      expect(await isStored(recorded.fileId)).toBe(true)
      expect(await isStored(fresh.fileId)).toBe(true)
      expect(await uploadOf(recorded.uploadId)).toMatchObject({ status: 'recorded' })
      expect(await uploadOf(fresh.uploadId)).toMatchObject({ status: 'pending' })
      // The next day's, a day after the fresh one, deletes that and still not the recorded one.
      expect(await runCleanup(LATER + DAY_MS)).toMatchObject({ summary: { scanned: 1, affected: 1 } })
      expect(await isStored(fresh.fileId)).toBe(false)
      expect(await isStored(recorded.fileId)).toBe(true)
    })

    it('only counts in a dry run', async () => {
      const { pending, replaced } = await arrange()
      const before = await snapshot()
      const outcome = await runCleanup(LATER, true)
      expect(outcome).toMatchObject({ dryRun: true, summary: { scanned: 2, affected: 2 } })
      await expect(snapshot()).resolves.toEqual(before)
      expect(await isStored(pending.fileId)).toBe(true)
      expect(await isStored(replaced.fileId)).toBe(true)
    })

    it('keeps a replaced picture its item still shows, recording it again', async () => {
      const upload = await itemWithPicture('item-shown')
      // A save that marked the picture replaced and stopped before writing the item.
      await harness.db
        .collection('uploads')
        .doc(upload.uploadId)
        .update({ data: { status: 'replaced' } })
      expect(await runCleanup(LATER)).toMatchObject({ summary: { scanned: 1, affected: 0, skipped: 1 } })
      expect(await isStored(upload.fileId)).toBe(true)
      expect(await uploadOf(upload.uploadId)).toMatchObject({ status: 'recorded', itemId: 'item-shown' })
    })

    it('works through more uploads than one batch, files already gone and a claim a stopped run left', async () => {
      const records = Array.from({ length: 60 }, (_, index) => {
        const uploadId = index.toString(16).padStart(32, '0')
        const cloudPath = `items/${uploadId}.png`
        return {
          _id: uploadId,
          purpose: 'item',
          cloudPath,
          fileId: fileIdOf(LOCAL_ENV_ID, cloudPath),
          openid: ADMIN,
          createdAtMs: NOW,
          status: index === 0 ? 'deleting' : 'pending',
          statusAtMs: NOW,
          itemId: null,
        }
      })
      await harness.db.collection('uploads').add({ data: records })
      expect(await runCleanup(LATER)).toMatchObject({ outcome: 'finished', summary: { scanned: 60, affected: 60 } })
      expect((await harness.db.collection('uploads').limit(100).get()).data).toEqual([])
    })

    it('refuses a save of a pending upload the job has deleted', async () => {
      const upload = await preparedUpload(harness, { as: ADMIN, atMs: NOW })
      await runCleanup(LATER)
      const answer = await save(
        { requestId: 'save-late-00001', item: { ...adminItemEdit('item-late'), image: upload.fileId } },
        LATER,
      )
      expect(answer).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^输入有误：item\.image: /),
      })
      expect(await itemOf('item-late')).toBeNull()
    })
  })

  it('prepares uploads for admins only', async () => {
    const answer = await harness.call(
      'admin',
      'prepareUpload',
      { purpose: 'item', type: 'png' },
      { as: MANAGER, atMs: NOW },
    )
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

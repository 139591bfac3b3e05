import { type ApiEnvelope, STORE_ID_LENGTH_MAX, STORE_QR_PAGE, storeQrCloudPathOf } from '@shared/contracts'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { ROUTES } from '../../../miniprogram/routes'
import { joinInputOf } from '../../../miniprogram/utils/joinParams'
import { ADMIN, bindStoreTwo, MANAGER, NOW, OTHER_STORE_MANAGER, STAFF } from '../staff/staffFixtures'
import { useFunctionHarness } from '../support/functionHarness'

function dataOf<T>(answer: ApiEnvelope<T>): T {
  if (!answer.ok) throw new Error(`${answer.code}: ${answer.message}`)
  return answer.data
}

const NEW_STORE = {
  id: 'store-3',
  name: '小满咖啡 · 陆家嘴店',
  address: '上海市浦东新区世纪大道 8 号',
  phone: '021-5888 0000',
  hours: '08:00-21:00',
}

/** The text of the QR code in a PNG. */
async function qrTextAt(url: string): Promise<string> {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  const image = PNG.sync.read(Buffer.from(await response.arrayBuffer()))
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  if (!decoded) throw new Error('no QR code in the image')
  return decoded.data
}

jest.setTimeout(60_000)

describe('admin stores', () => {
  const harness = useFunctionHarness()

  const save = (store: typeof NEW_STORE, requestId: string, as = ADMIN) =>
    harness.call('admin', 'saveStore', { requestId, store }, { as, atMs: NOW })
  const list = (as: string) => harness.call('admin', 'listStores', {}, { as, atMs: NOW })
  const auditOf = async (subjectId: string) =>
    (await harness.db.collection('audit').where({ subjectId }).get()).data as Record<string, unknown>[]

  it('lists every store for an admin and only their own for a manager', async () => {
    const forAdmin = dataOf(await list(ADMIN))
    expect(forAdmin.stores.map((store) => store.id)).toEqual(['store-1', 'store-2'])
    expect(forAdmin.canCreate).toBe(true)
    expect(forAdmin.stores[0]).toMatchObject({ name: '小满咖啡 · 国贸店', phone: '', hours: '' })
    const forManager = dataOf(await list(MANAGER))
    expect(forManager).toEqual({ stores: [expect.objectContaining({ id: 'store-1' })], canCreate: false })
  })

  it('creates a store once per request id and audits it', async () => {
    const created = dataOf(await save(NEW_STORE, 'store-create-01'))
    expect(created).toMatchObject({ created: true, store: NEW_STORE })
    expect(created.changes.name).toEqual({ before: null, after: NEW_STORE.name })
    const replay = dataOf(await save(NEW_STORE, 'store-create-01'))
    expect(replay).toMatchObject({ created: true, store: NEW_STORE })
    expect(await auditOf('store-3')).toEqual([
      expect.objectContaining({
        _id: 'admin_store-create-01',
        action: 'saveStore',
        storeId: 'store-3',
        note: 'created',
      }),
    ])
    expect(dataOf(await list(ADMIN)).stores.map((store) => store.id)).toEqual(['store-1', 'store-2', 'store-3'])
  })

  it('lets a manager edit their own store, changing and auditing only the fields that changed', async () => {
    const own = {
      id: 'store-1',
      name: '小满咖啡 · 国贸店',
      address: '北京市朝阳区建国门外大街 1 号',
      phone: '010-1234',
      hours: '',
    }
    const edited = dataOf(await save(own, 'store-edit-0001', MANAGER))
    expect(edited).toEqual({ created: false, store: own, changes: { phone: { before: '', after: '010-1234' } } })
    const [entry] = await auditOf('store-1')
    expect(entry).toMatchObject({ action: 'saveStore', operatorOpenid: MANAGER, storeId: 'store-1' })
    const stored = (await harness.db.collection('stores').doc('store-1').get()).data
    expect(stored).toMatchObject({ phone: '010-1234', name: own.name })
  })

  it.each([
    ['edit another store', { ...NEW_STORE, id: 'store-2' }],
    ['create a store', NEW_STORE],
  ])('refuses a manager who tries to %s, changing nothing', async (_case, store) => {
    const answer = await save(store, 'store-refused-01', MANAGER)
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await auditOf(store.id)).toEqual([])
    expect((await harness.db.collection('stores').where({ _id: 'store-3' }).get()).data).toEqual([])
  })

  it('names the field a bad store input breaks', async () => {
    const answer = await save({ ...NEW_STORE, id: 'x'.repeat(STORE_ID_LENGTH_MAX + 1) }, 'store-badid-0001')
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(JSON.stringify(answer)).toMatch(/store\.id|门店编号/)
  })
})

describe('admin.storeQrCode', () => {
  const harness = useFunctionHarness()

  const qrCode = (storeId: string, as = ADMIN) => harness.call('admin', 'storeQrCode', { storeId }, { as, atMs: NOW })

  it('draws a join code whose scene the join page reads back as the store', async () => {
    const answer = dataOf(await qrCode('store-1'))
    expect(answer).toMatchObject({ storeId: 'store-1', scene: 'store-1', page: STORE_QR_PAGE, reused: false })
    expect(answer.fileId).toMatch(/^cloud:\/\/.+\/qrcodes\/store-1\.png$/)
    expect(answer.fileId.endsWith(storeQrCloudPathOf('store-1'))).toBe(true)
    const text = await qrTextAt(answer.imageUrl)
    const [page, query] = text.split('?scene=')
    expect(page).toBe(ROUTES.join)
    expect(joinInputOf({ scene: query })).toEqual({ storeId: 'store-1' })
  })

  it('fits the longest store id in the 32-character scene, and the join page reads it whole', async () => {
    const longest = `s-${'9'.repeat(STORE_ID_LENGTH_MAX - 2)}`
    dataOf(
      await harness.call(
        'admin',
        'saveStore',
        { requestId: 'store-longest-01', store: { ...NEW_STORE, id: longest } },
        { as: ADMIN, atMs: NOW },
      ),
    )
    const answer = dataOf(await qrCode(longest))
    expect(answer.scene).toHaveLength(32)
    const [, query] = (await qrTextAt(answer.imageUrl)).split('?scene=')
    expect(joinInputOf({ scene: query })).toEqual({ storeId: longest })
  })

  it('reuses the stored file on the second call, drawing nothing', async () => {
    const first = dataOf(await qrCode('store-1'))
    let second: typeof first | undefined
    const requests = await harness.countRequests(async () => {
      second = dataOf(await qrCode('store-1', MANAGER))
    })
    expect(second).toMatchObject({ fileId: first.fileId, reused: true })
    expect(requests).toBe(3)
    expect(harness.cloud.database.requestCounts().byAction['wx.openApi.wxacode.getUnlimited']).toBe(1)
    expect(await qrTextAt(second?.imageUrl as string)).toBe(await qrTextAt(first.imageUrl))
  })

  it('draws it again when the stored file was deleted', async () => {
    const first = dataOf(await qrCode('store-1'))
    const sdk = require('wx-server-sdk')
    await sdk.deleteFile({ fileList: [first.fileId] })
    const again = dataOf(await qrCode('store-1'))
    expect(again).toMatchObject({ fileId: first.fileId, reused: false })
    expect((await fetch(again.imageUrl)).status).toBe(200)
  })

  it.each([
    ['a manager, for another store', OTHER_STORE_MANAGER, 'store-1', 'FORBIDDEN'],
    ['a clerk, for their own store', STAFF, 'store-1', 'FORBIDDEN'],
    ['an admin, for a store that does not exist', ADMIN, 'store-9', 'STORE_NOT_FOUND'],
  ])('refuses %s and stores nothing', async (_case, as, storeId, code) => {
    await bindStoreTwo(harness)
    expect(await qrCode(storeId, as)).toMatchObject({ ok: false, code })
    const store = (await harness.db.collection('stores').where({ _id: storeId }).get()).data[0]
    expect(store?.qrCodeFileId).toBeUndefined()
    expect(harness.cloud.database.requestCounts().byAction['storage.getUploadMetadata']).toBeUndefined()
  })
})

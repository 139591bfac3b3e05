import { API, STORE_QR_PAGE, STORE_QR_WIDTH, storeQrCloudPathOf, storeSceneOf } from '@shared/contracts'
import { err, ok } from '@shared/result'
import { type Database, database, sdk } from '../../../common/cloud'
import type { StoreDocument } from '../../../common/documents/staff'
import { requireManager } from '../../../common/requireStaff'
import { defineAction } from '../../../common/router'
import { tempUrlsOf, uploadBytes } from '../../../common/storage'
import { mayActOnStore, readStore } from './storeAccess'

/**
 * Draws the store's 小程序码 and keeps it under `qrcodes/<storeId>.png`. `check_path` off: WeChat otherwise
 * refuses pages of a version not yet released, and the join page is in every version.
 */
async function drawQrCode(db: Database, store: StoreDocument): Promise<string> {
  const { buffer } = (await sdk().openapi.wxacode.getUnlimited({
    scene: storeSceneOf(store._id),
    page: STORE_QR_PAGE,
    width: STORE_QR_WIDTH,
    checkPath: false,
  })) as { buffer: Buffer }
  const fileId = await uploadBytes(storeQrCloudPathOf(store._id), Buffer.from(buffer))
  await db
    .collection('stores')
    .doc(store._id)
    .update({ data: { qrCodeFileId: fileId } })
  return fileId
}

/**
 * `admin.storeQrCode`: the store's join QR code (scene = store id, opening the join page) and a temporary URL to
 * show and download it. Drawn and stored once, recorded on the store (`qrCodeFileId`); later calls reuse the file
 * while it is stored. Two first calls at once draw the same bytes to the same path, so either's record holds.
 * Admins any store, a manager their own. Requests: staff and store at once (2), the temporary URL (1): 3 when
 * stored; drawing adds the code (1), the upload (1, and the PUT to the bucket), the record (1) and the URL (1): 6.
 */
export const storeQrCode = defineAction(API.admin.storeQrCode, async (input, caller) => {
  const db = database()
  const [staff, store] = await Promise.all([requireManager(db, caller), readStore(db, input.storeId)])
  if (!staff.ok) return staff
  const allowed = mayActOnStore(staff.data, input.storeId)
  if (!allowed.ok) return allowed
  if (!store) return err('STORE_NOT_FOUND')
  const answer = { storeId: store._id, scene: storeSceneOf(store._id), page: STORE_QR_PAGE }
  if (store.qrCodeFileId) {
    const [imageUrl] = await tempUrlsOf([store.qrCodeFileId])
    if (imageUrl) return ok({ ...answer, fileId: store.qrCodeFileId, imageUrl, reused: true })
  }
  const fileId = await drawQrCode(db, store)
  const [imageUrl] = await tempUrlsOf([fileId])
  if (!imageUrl) throw new Error(`${fileId} was uploaded but has no temporary URL`)
  return ok({ ...answer, fileId, imageUrl, reused: false })
})

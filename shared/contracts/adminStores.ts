/**
 * The stores part of the `admin` cloud function: the store list, creating and editing a store, and its join
 * QR code (a 小程序码 whose `scene` is the store id, opening the join page).
 */
import { z } from 'zod'
import type { FieldChanges } from '../admin'
import { requestIdSchema } from './requestId'

/** WeChat's `scene` holds 32 characters and a store's QR code carries its id as the whole scene. */
export const STORE_ID_LENGTH_MAX = 32
/** A store id new stores may take: letters, digits, `-` and `_`, at most `STORE_ID_LENGTH_MAX`. */
export const STORE_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
/** Stores the list answers at most (one read). */
export const STORES_MAX = 1000
/** The page a store's QR code opens: the join landing, which reads the store from `scene` (`ROUTES.join`). */
export const STORE_QR_PAGE = 'pages/join/index'
/** The QR code image's width in pixels: large enough to print on a table card. */
export const STORE_QR_WIDTH = 600
/** The fields of a store an admin sets and its manager may edit. */
export const STORE_EDITABLE_FIELDS = ['name', 'address', 'phone', 'hours'] as const
export type StoreEditableField = (typeof STORE_EDITABLE_FIELDS)[number]

const storeId = z.string().regex(STORE_ID_PATTERN, '门店编号只能包含字母、数字、- 和 _，最多 32 位')

/** A store as the form sends it. */
export const storeEditSchema = z
  .object({
    id: storeId,
    name: z.string().trim().min(1, '请填写门店名称').max(30, '门店名称不能超过 30 个字'),
    address: z.string().trim().max(100, '地址不能超过 100 个字'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{0,20}$/, '电话只能包含数字、+、- 和空格，最多 20 位'),
    hours: z.string().trim().max(40, '营业时间不能超过 40 个字'),
  })
  .strict()
export type StoreEdit = z.infer<typeof storeEditSchema>

export const listStoresInput = z.object({}).strict()
export const saveStoreInput = z.object({ requestId: requestIdSchema, store: storeEditSchema }).strict()
export const storeQrCodeInput = z.object({ storeId }).strict()

/** A store as the console shows it. */
export type StoreView = StoreEdit

/** `admin.listStores`: every store for an admin, the manager's own for a manager; whether the caller may add one. */
export interface AdminStores {
  readonly stores: readonly StoreView[]
  readonly canCreate: boolean
}

/** `admin.saveStore`: the store as saved and the fields that changed (before/after), as audited. */
export interface SaveStoreResult {
  readonly store: StoreView
  readonly changes: FieldChanges
  readonly created: boolean
}

/** `admin.storeQrCode`: the store's join code in cloud storage and a temporary URL to show or download it. */
export interface StoreQrCode {
  readonly storeId: string
  readonly scene: string
  readonly page: string
  readonly fileId: string
  readonly imageUrl: string
  /** False when this call drew the code and stored it; true when it was already stored. */
  readonly reused: boolean
}

/** The `scene` of a store's QR code: its id, which the join page hands to `member.join` as the store. */
export function storeSceneOf(storeIdValue: string): string {
  return storeIdValue
}

/** Where a store's QR code is kept in cloud storage: one file per store, drawn once. */
export function storeQrCloudPathOf(storeIdValue: string): string {
  return `qrcodes/${storeIdValue}.png`
}

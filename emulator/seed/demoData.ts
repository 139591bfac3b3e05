/**
 * The demo store chain `npm start` seeds: the default programme, two stores, staff for the
 * identity switcher's roles, coupon templates and points-mall items. Ids are fixed so that the
 * identities, tests and links (the store QR code's scene) can refer to them.
 */
import { DEMO_COUPON_TEMPLATES } from './demo/couponTemplates'
import { DEMO_MALL_ITEMS } from './demo/mallItems'
import { DEMO_PROGRAMME_INPUT } from './demo/programme'
import { DEMO_IDENTITIES } from './demoIdentities'

export const DEMO_STORES = [
  { _id: 'store-1', name: '小满咖啡 · 国贸店', address: '北京市朝阳区建国门外大街 1 号' },
  { _id: 'store-2', name: '小满咖啡 · 西湖店', address: '杭州市西湖区南山路 12 号' },
] as const

function openidOf(key: string): string {
  const identity = DEMO_IDENTITIES.find((candidate) => candidate.key === key)
  if (!identity) throw new Error(`no demo identity ${key}`)
  return identity.openid
}

/** A collection and the documents to put in it. */
export interface SeedBatch {
  readonly collection: string
  readonly documents: readonly Record<string, unknown>[]
}

/** Everything the demo needs, stamped with the instant it is seeded. */
export function demoSeed(nowMs: number): readonly SeedBatch[] {
  const staff = (key: string, role: 'staff' | 'manager' | 'admin', storeId: string | null, name: string) => ({
    _id: openidOf(key),
    openid: openidOf(key),
    role,
    storeId,
    name,
    boundAtMs: nowMs,
  })
  return [
    { collection: 'programme', documents: [{ _id: 'current', ...DEMO_PROGRAMME_INPUT, updatedAtMs: nowMs }] },
    { collection: 'stores', documents: DEMO_STORES.map((store) => ({ ...store, createdAtMs: nowMs })) },
    {
      collection: 'staff',
      documents: [
        staff('staff', 'staff', 'store-1', '小林'),
        staff('manager', 'manager', 'store-1', '王店长'),
        staff('admin', 'admin', null, '品牌管理员'),
      ],
    },
    {
      collection: 'coupon_templates',
      documents: DEMO_COUPON_TEMPLATES.map(({ id, ...template }) => ({
        _id: id,
        ...template,
        issued: 0,
        createdAtMs: nowMs,
      })),
    },
    {
      collection: 'mall_items',
      documents: DEMO_MALL_ITEMS.map(({ id, ...item }) => ({ _id: id, ...item, createdAtMs: nowMs })),
    },
  ]
}

/**
 * The dashboard's figures recounted from the raw documents (members, ledger, audit entries, orders,
 * coupons), the way a person auditing the counters would: what the exactness test and the
 * dashboard's browser test compare the folded counters and the screen with.
 */
import { type StatFigure, type StatFigures, ZERO_FIGURES } from '@shared/stats/figures'

type Row = Record<string, unknown>

/** Figures by store id (`(none)` for chain-wide events, `(chain)` for points). */
export type FiguresByStore = Map<string, Record<StatFigure, number>>

/** Points figures are recounted chain-wide: an entry's store is its event's, which raw entries don't all name. */
export const POINTS_FIGURES: readonly StatFigure[] = [
  'pointsEarned',
  'pointsSpent',
  'pointsExpired',
  'pointsReversed',
  'pointsAdjusted',
]

const LEDGER_FIGURE: Record<string, StatFigure> = {
  earn: 'pointsEarned',
  spend: 'pointsSpent',
  expire: 'pointsExpired',
  reverse: 'pointsReversed',
  adjust: 'pointsAdjusted',
}

export const storeKeyOf = (storeId: unknown) => (typeof storeId === 'string' ? storeId : '(none)')

export function addFigure(byStore: FiguresByStore, storeId: unknown, figure: StatFigure, amount: number): void {
  const key = storeKeyOf(storeId)
  const figures = byStore.get(key) ?? { ...ZERO_FIGURES }
  figures[figure] += amount
  byStore.set(key, figures)
}

/** Every row of a collection, a thousand at a time, through a wx-server-sdk database. */
// biome-ignore lint/suspicious/noExplicitAny: the SDK's database typings do not cover commands.
export async function allRows(db: any, collection: string): Promise<Row[]> {
  const rows: Row[] = []
  for (;;) {
    const { data } = await db.collection(collection).skip(rows.length).limit(1000).get()
    rows.push(...(data as Row[]))
    if (data.length < 1000) return rows
  }
}

export interface RawDocuments {
  readonly members: readonly Row[]
  readonly ledger: readonly Row[]
  readonly audit: readonly Row[]
  readonly orders: readonly Row[]
  readonly coupons: readonly Row[]
}

// biome-ignore lint/suspicious/noExplicitAny: as allRows.
export async function rawDocumentsOf(db: any): Promise<RawDocuments> {
  const [members, ledger, audit, orders, coupons] = await Promise.all(
    ['members', 'ledger', 'audit', 'orders', 'coupons'].map((name) => allRows(db, name)),
  )
  return { members, ledger, audit, orders, coupons } as RawDocuments
}

function recountMembers(byStore: FiguresByStore, members: readonly Row[], sinceMs: number): void {
  for (const member of members) {
    // Check-ins are every day the member's calendar keeps (this month's and last).
    const days = (member.checkIn as { recentDays: string[] }).recentDays
    addFigure(byStore, member.joinedStoreId, 'checkIns', days.length)
    if ((member.joinedAtMs as number) < sinceMs) continue
    addFigure(byStore, member.joinedStoreId, 'newMembers', 1)
    const source =
      member.referrerMemberId !== null
        ? 'newMembersReferral'
        : member.joinedStoreId
          ? 'newMembersStoreQr'
          : 'newMembersDirect'
    addFigure(byStore, member.joinedStoreId, source, 1)
  }
}

/** Every figure from the raw documents, for what happened from `sinceMs` on, by store. */
export function recountFigures(raw: RawDocuments, sinceMs: number): FiguresByStore {
  const byStore: FiguresByStore = new Map()
  const homeOf = new Map(raw.members.map((member) => [member._id, member.joinedStoreId]))
  recountMembers(byStore, raw.members, sinceMs)
  for (const entry of raw.ledger) {
    if ((entry.createdAtMs as number) < sinceMs) continue
    addFigure(byStore, '(chain)', LEDGER_FIGURE[entry.type as string] as StatFigure, entry.amount as number)
  }
  for (const entry of raw.audit) {
    if (entry.action === 'purchase') {
      addFigure(byStore, entry.storeId, 'purchases', 1)
      addFigure(byStore, entry.storeId, 'purchaseAmountFen', entry.amountFen as number)
    }
    if (entry.action === 'reversePurchase') {
      addFigure(byStore, entry.storeId, 'reversals', 1)
      addFigure(byStore, entry.storeId, 'reversedAmountFen', entry.amountFen as number)
    }
  }
  for (const order of raw.orders) {
    const home = homeOf.get(order.memberId)
    addFigure(byStore, home, 'redemptions', 1)
    if (order.status === 'cancelled') addFigure(byStore, home, 'redemptionsCancelled', 1)
    if (order.status === 'pickedUp') addFigure(byStore, order.pickedUpStoreId, 'pickups', 1)
  }
  for (const coupon of raw.coupons) {
    if (coupon.source === 'redeem') addFigure(byStore, homeOf.get(coupon.memberId), 'redemptions', 1)
    addFigure(byStore, null, 'couponsIssued', 1)
    if (coupon.usedAtMs !== null) addFigure(byStore, coupon.usedStoreId, 'couponsVerified', 1)
  }
  return byStore
}

/** The chain's figures: every store's added up. */
export function chainTotalOf(byStore: FiguresByStore): StatFigures {
  const total: Record<StatFigure, number> = { ...ZERO_FIGURES }
  for (const figures of byStore.values()) {
    for (const [figure, amount] of Object.entries(figures) as [StatFigure, number][]) total[figure] += amount
  }
  return total
}

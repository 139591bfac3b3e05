/**
 * The member figures the dashboard can't count as events happen (a level, not a flow, or a figure
 * over a trailing window): counted by the `snapshotMembers` job from every member document once a
 * business day, for each store (by `joinedStoreId`) and the chain.
 */
import { usableBalance } from '../ledger'
import { lastVisitOf, type Member } from '../member'
import { purchaseSummaryOf } from '../member/purchaseSummary'
import type { DayKey } from '../time/calendarDay'
import { isRecent, RFM_GROUPS, type RfmGroup, type RfmThresholds, rfmGroupOf } from './rfm'

/** Active members visited within this many days; 复购率 counts purchases within it too. */
export const SNAPSHOT_WINDOW_DAYS = 30

export interface SnapshotFigures {
  readonly members: number
  /** Members with a visit (check-in or purchase) within SNAPSHOT_WINDOW_DAYS. */
  readonly activeMembers: number
  /** Usable points held by members: the programme's liability. */
  readonly pointsOutstanding: number
  /** Members with a purchase within SNAPSHOT_WINDOW_DAYS, and of them those with two or more. */
  readonly purchasers: number
  readonly repeatPurchasers: number
  /** Members per tier id (tiers with none are absent). */
  readonly membersPerTier: Readonly<Record<string, number>>
  readonly rfm: Readonly<Record<RfmGroup, number>>
}

export const ZERO_RFM: Readonly<Record<RfmGroup, number>> = Object.fromEntries(
  RFM_GROUPS.map((group) => [group, 0]),
) as Record<RfmGroup, number>

export const ZERO_SNAPSHOT_FIGURES: SnapshotFigures = {
  members: 0,
  activeMembers: 0,
  pointsOutstanding: 0,
  purchasers: 0,
  repeatPurchasers: 0,
  membersPerTier: {},
  rfm: ZERO_RFM,
}

/** What the figures are counted as of. */
export interface SnapshotContext {
  readonly asOfMs: number
  readonly timeZone: string
  readonly thresholds: RfmThresholds
}

/** One member's contribution: a count of one, in each figure it belongs to. */
export function memberFiguresOf(member: Member, context: SnapshotContext): SnapshotFigures {
  const { asOfMs, timeZone, thresholds } = context
  const purchases = purchaseSummaryOf(member)
  const one = (yes: boolean) => (yes ? 1 : 0)
  const purchased = isRecent(purchases.lastAtMs, SNAPSHOT_WINDOW_DAYS, asOfMs)
  return {
    members: 1,
    activeMembers: one(isRecent(lastVisitOf(member, timeZone), SNAPSHOT_WINDOW_DAYS, asOfMs)),
    pointsOutstanding: usableBalance(member.points, asOfMs),
    purchasers: one(purchased),
    repeatPurchasers: one(purchased && isRecent(purchases.previousAtMs, SNAPSHOT_WINDOW_DAYS, asOfMs)),
    membersPerTier: { [member.tierId]: 1 },
    rfm: { ...ZERO_RFM, [rfmGroupOf(purchases, thresholds, asOfMs)]: 1 },
  }
}

function addCounts<Key extends string>(
  a: Readonly<Record<Key, number>>,
  b: Readonly<Record<Key, number>>,
): Record<Key, number> {
  const sum: Record<string, number> = { ...a }
  for (const [key, value] of Object.entries(b) as [Key, number][]) sum[key] = (sum[key] ?? 0) + value
  return sum as Record<Key, number>
}

export function addSnapshotFigures(a: SnapshotFigures, b: SnapshotFigures): SnapshotFigures {
  return {
    members: a.members + b.members,
    activeMembers: a.activeMembers + b.activeMembers,
    pointsOutstanding: a.pointsOutstanding + b.pointsOutstanding,
    purchasers: a.purchasers + b.purchasers,
    repeatPurchasers: a.repeatPurchasers + b.repeatPurchasers,
    membersPerTier: addCounts(a.membersPerTier, b.membersPerTier),
    rfm: addCounts(a.rfm, b.rfm),
  }
}

/** 复购率: the share of the window's purchasers who bought again within it; null without purchasers. */
export function repeatRateOf(figures: SnapshotFigures): number | null {
  return figures.purchasers === 0 ? null : figures.repeatPurchasers / figures.purchasers
}

/** The chain's scope key: every member, whichever store (or none) they joined at. */
export const CHAIN_SCOPE = ''

/** Figures by scope: a store id, or CHAIN_SCOPE. */
export type ScopedFigures = ReadonlyMap<string, SnapshotFigures>

/** Members' figures by the store they joined at and for the chain. */
export function scopedFiguresOf(members: readonly Member[], context: SnapshotContext): Map<string, SnapshotFigures> {
  const scoped = new Map<string, SnapshotFigures>()
  const add = (scope: string, figures: SnapshotFigures) =>
    scoped.set(scope, addSnapshotFigures(scoped.get(scope) ?? ZERO_SNAPSHOT_FIGURES, figures))
  for (const member of members) {
    const figures = memberFiguresOf(member, context)
    add(CHAIN_SCOPE, figures)
    if (member.joinedStoreId !== null) add(member.joinedStoreId, figures)
  }
  return scoped
}

/** Two scoped sums as one. */
export function addScopedFigures(a: ScopedFigures, b: ScopedFigures): Map<string, SnapshotFigures> {
  const sum = new Map(a)
  for (const [scope, figures] of b) sum.set(scope, addSnapshotFigures(sum.get(scope) ?? ZERO_SNAPSHOT_FIGURES, figures))
  return sum
}

/**
 * `stats_snapshots/{day}_{storeId}` (`{day}_` for the chain): the members as the day closed, counted
 * at the start of the next business day (`asOfMs`) by `snapshotMembers`.
 */
export interface MemberSnapshot {
  readonly _id: string
  /** The business day it closes. */
  readonly day: DayKey
  /** The store whose members it counts (by `joinedStoreId`); CHAIN_SCOPE: all members. */
  readonly storeId: string
  readonly asOfMs: number
  readonly thresholds: RfmThresholds
  readonly figures: SnapshotFigures
}

export function memberSnapshotIdOf(day: DayKey, storeId: string): string {
  return `${day}_${storeId}`
}
